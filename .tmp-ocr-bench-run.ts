import { benchOcr } from './bench/ocr-bench';
import { report } from './bench/report';
report(await benchOcr(), '/tmp/ocrx/bench.json');
