/**
 * A pool of tesseract.js workers (one WebAssembly tesseract per thread): pages are recognised
 * in parallel, FIFO per kind of job. Workers start lazily (~0.3-1 s each) and are kept warm: at
 * most `size` reading workers, whatever their language, plus one OSD worker of its own. OSD
 * jobs are small (a ~100 dpi copy, a fraction of a reading); when they shared the reading
 * workers' places, pages alternating OSD and reading threw a warm jpn+eng worker away and
 * loaded the model again (~1 s) for nearly every page of a mixed import (issue #14).
 *
 * Small field zones read with the eng model (digits, ZoneParams.model) have one eng worker of
 * their own too, for the same reason: sharing the reading workers' places would swap a jpn+eng
 * worker for an eng one on every form page. So has each other zone model (the legacy jpn
 * classifier that reads a form's name and address zones a second time): one warm worker per
 * (language, model), started when first needed.
 *
 * Each worker is handed its next page while it still reads the current one (at most
 * PER_WORKER jobs in its thread's queue): it starts that page the moment it finishes, without
 * waiting for this thread to take the result and send more work (issue #14: when the main
 * thread was busy with image preparation or results, workers sat idle between pages).
 * tesseract.js runs one job per thread at a time, synchronously, in message order.
 *
 * Failure is a page state, never a crash (engineering.md): every tesseract error, a dead
 * worker thread or a job over its time limit rejects that job with KaijiError('OCR_FAILED');
 * the worker involved is thrown away (its wasm heap may be broken) and the next job gets a
 * fresh one.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Worker as ThreadWorker } from 'node:worker_threads';
import sharp from 'sharp';
import Tesseract from 'tesseract.js';
import { KaijiError } from '@shared/errors';
import { normaliseOcrText, textFromTsv } from '@shared/domain/ocr-text';
import { tessdataFile, traineddata, workerFileOptions } from './tessdata';

export type OcrLang = 'jpn+eng' | 'eng';

export interface OcrRectangle {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface OcrWord {
  text: string;
  confidence: number;
  /** Pixels of the whole image (also when a rectangle was given). */
  bbox: { x0: number; y0: number; x1: number; y1: number };
}

export interface OcrResult {
  /** normaliseOcrText(rawText) */
  text: string;
  rawText: string;
  /** Mean word confidence, 0-100. */
  confidence: number;
  words: OcrWord[];
  /** With `zone.choices`: every character with its alternatives, in reading order. */
  symbols?: OcrSymbol[];
}

export interface RecognizeOptions {
  lang?: OcrLang;
  /** Read only this part of the page (a form field), as one block of text. */
  rectangle?: OcrRectangle;
  /** 0..1 while tesseract recognises. */
  onProgress?: (progress: number) => void;
  /**
   * Per-job tesseract settings for a zone whose content is known (a form field): set for this
   * job only (tesseract.js saves and restores the worker's parameters around it), so one warm
   * worker reads a digit field and a name field in turn without being re-initialised.
   */
  zone?: ZoneParams;
}

export interface ZoneParams {
  /**
   * 'eng': read with the English model on the pool's zone worker, one worker of its own beside
   * the reading workers (like the OSD worker), started when first needed and kept warm. Digits
   * written by hand are read far better by eng than by jpn (9 → 2, measured: phone numbers on the
   * scan generator's forms 28/28 against 19/28), and a reading worker is never re-initialised
   * for it. 'jpn-legacy': see ZoneModel (a second read of a name or address zone).
   */
  model?: ZoneModel;
  /** One line of text (PSM 7) instead of a block (PSM 6). */
  singleLine?: boolean;
  /** Characters tesseract may output (tessedit_char_whitelist; the LSTM honours it). */
  whitelist?: string;
  /** Return each character's alternatives (LSTM choices) in `symbols`. */
  choices?: boolean;
}

/**
 * Models a zone can be read with, each on one warm worker of its own: 'eng' (best_int LSTM, digits);
 * 'jpn-legacy': the jpn "4.0.0" tessdata (it carries tesseract's legacy character classifier
 * beside an older LSTM) with the legacy engine alone (OEM 0). Its LSTM and the combined OEM 2 read
 * the form's zones worse than best_int (scripts/field-engines.ts): not offered.
 */
export type ZoneModel = 'eng' | 'jpn-legacy';

/** One recognised character and what else tesseract thought it might be. */
export interface OcrSymbol {
  text: string;
  confidence: number;
  /** Alternatives with their confidence, best first (the symbol itself among them). */
  choices: { text: string; confidence: number }[];
  bbox: { x0: number; y0: number; x1: number; y1: number };
}

export interface Orientation {
  /** Clockwise rotation that makes the page upright (sharp(png).rotate(degrees)). */
  degrees: 0 | 90 | 180 | 270;
  /**
   * 'osd': tesseract's orientation confidence (unbounded; pages here give 2-10, under ~1 is a
   * guess). 'recognition': mean-confidence margin (0-100) of the best rotation over the next.
   */
  confidence: number;
  method: 'osd' | 'recognition';
}

export interface OcrPoolOptions {
  /** Worker threads; default os.availableParallelism(). */
  size?: number;
  /** Per job, including a worker's start; default 120 s. */
  jobTimeoutMs?: number;
}

/** 'zone': the eng worker for small field zones (ZoneParams.model); 'zone-jpn-…': the other zone models. */
type Kind = OcrLang | 'osd' | 'zone' | 'zone-jpn-legacy';
const ownWorker = (kind: Kind) => kind === 'osd' || kind.startsWith('zone');
type TessWorker = Tesseract.Worker;

interface Job {
  kind: Kind;
  task: (w: TessWorker) => Promise<unknown>;
  onProgress?: (p: number) => void;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

interface Slot {
  kind: Kind;
  ready: Promise<TessWorker>;
  /** Handed to this worker, in the order its thread runs them: jobs[0] is being read. */
  jobs: Job[];
  /** Ends a job's wait at once (thread died, worker thrown away). */
  aborts: Map<Job, (e: unknown) => void>;
  discarded: boolean;
}

const DEGREES = [0, 90, 180, 270] as const;
/** Jobs in one worker's queue: the one it reads and the next. */
const PER_WORKER = 2;
/** A job that never reached its worker's turn when the worker was thrown away: it goes back to the queue. */
const REQUEUE = Symbol('requeue');
const { OEM } = Tesseract;

export class OcrPool {
  readonly size: number;
  private readonly timeoutMs: number;
  private readonly queue: Job[] = [];
  private slots: Slot[] = [];

  constructor(options: OcrPoolOptions = {}) {
    this.size = Math.max(1, Math.floor(options.size ?? availableParallelism()));
    this.timeoutMs = options.jobTimeoutMs ?? 120_000;
  }

  async recognize(png: Buffer, opts: RecognizeOptions = {}): Promise<OcrResult> {
    const { rectangle, onProgress, zone } = opts;
    // A field zone is one block of text (PSM 6) or one line (PSM 7); a whole page gets
    // tesseract's layout analysis.
    const params: Record<string, unknown> = rectangle ? { rectangle, tessedit_pageseg_mode: zone?.singleLine ? Tesseract.PSM.SINGLE_LINE : Tesseract.PSM.SINGLE_BLOCK } : {};
    if (zone?.whitelist) params.tessedit_char_whitelist = zone.whitelist;
    // 2: the LSTM's alternatives per character (tesseract's ChoiceIterator), in the JSON output.
    if (zone?.choices) params.lstm_choice_mode = '2';
    const kind: Kind = zone?.model && rectangle ? (zone.model === 'eng' ? 'zone' : `zone-${zone.model}`) : (opts.lang ?? 'jpn+eng');
    const page = await this.run(kind, onProgress, async (w) => {
      const { data } = await w.recognize(png, params as Partial<Tesseract.RecognizeOptions>, { text: true, tsv: true, blocks: !!zone?.choices });
      return data;
    });
    const rawText = page.text ?? '';
    // Text from the word boxes, so an ideographic space survives as U+3000 (never "_").
    const result: OcrResult = { text: normaliseOcrText(textFromTsv(page.tsv ?? '') || rawText), rawText, confidence: page.confidence ?? 0, words: parseWords(page.tsv ?? '') };
    if (zone?.choices) result.symbols = symbolsOf(page.blocks);
    return result;
  }

  /**
   * Tesseract OSD (legacy engine, osd.traineddata). When OSD finds too little text to decide,
   * falls back to recognising a downscaled copy at the 4 rotations and keeping the most
   * confident one.
   */
  async detectOrientation(png: Buffer): Promise<Orientation> {
    const osd = await this.run('osd', undefined, async (w) => (await w.detect(png)).data);
    const degrees = osd.orientation_degrees;
    if (degrees === 0 || degrees === 90 || degrees === 180 || degrees === 270) {
      return { degrees, confidence: osd.orientation_confidence ?? 0, method: 'osd' };
    }
    return this.orientationByRecognition(png);
  }

  /** Stops every worker; queued and running jobs fail with OCR_FAILED. The pool can be used again. */
  async terminate(): Promise<void> {
    for (const job of this.queue.splice(0)) job.reject(new KaijiError('OCR_FAILED'));
    const slots = this.slots;
    this.slots = [];
    await Promise.all(slots.map((s) => this.discard(s, false)));
  }

  private async orientationByRecognition(png: Buffer): Promise<Orientation> {
    let small: Buffer;
    try {
      small = await sharp(png).resize({ width: 1200, height: 1200, fit: 'inside', withoutEnlargement: true }).png().toBuffer();
    } catch {
      throw new KaijiError('OCR_FAILED');
    }
    const scored = await Promise.all(
      DEGREES.map(async (degrees) => {
        const rotated = await sharp(small).rotate(degrees).png().toBuffer();
        return { degrees, confidence: (await this.recognize(rotated)).confidence };
      }),
    );
    scored.sort((a, b) => b.confidence - a.confidence);
    const [best, next] = scored as [(typeof scored)[0], (typeof scored)[0]];
    return { degrees: best.degrees, confidence: best.confidence - next.confidence, method: 'recognition' };
  }

  private run<T>(kind: Kind, onProgress: ((p: number) => void) | undefined, task: (w: TessWorker) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ kind, task, onProgress, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  private pump(): void {
    // FIFO within a kind: a kind that finds no worker stops there; other kinds go on (an OSD job
    // waiting for the OSD worker never holds up pages that a reading worker could take).
    const blocked = new Set<Kind>();
    for (let i = 0; i < this.queue.length; ) {
      const kind = this.queue[i]!.kind;
      const slot = blocked.has(kind) ? undefined : this.takeSlot(kind);
      if (!slot) {
        blocked.add(kind);
        i++;
        continue;
      }
      const [job] = this.queue.splice(i, 1) as [Job];
      slot.jobs.push(job);
      void this.execute(slot, job).finally(() => this.pump());
    }
  }

  /**
   * OSD: the one OSD worker (started when first needed), while its queue has room. Reading: an
   * idle worker of this kind; else a new one (replacing an idle reading worker of another
   * language at the cap); else a busy worker of this kind with room in its queue; else none.
   */
  private takeSlot(kind: Kind): Slot | undefined {
    if (ownWorker(kind)) {
      const own = this.slots.find((s) => s.kind === kind);
      if (own) return own.jobs.length < PER_WORKER ? own : undefined;
      return this.add(this.spawn(kind));
    }
    const readers = this.slots.filter((s) => !ownWorker(s.kind));
    const idle = readers.find((s) => s.jobs.length === 0 && s.kind === kind);
    if (idle) return idle;
    if (readers.length >= this.size) {
      const other = readers.find((s) => s.jobs.length === 0);
      if (!other) {
        const ahead = readers.filter((s) => s.kind === kind && s.jobs.length < PER_WORKER);
        return ahead.sort((a, b) => a.jobs.length - b.jobs.length)[0];
      }
      void this.discard(other);
    }
    return this.add(this.spawn(kind));
  }

  private add(slot: Slot): Slot {
    this.slots.push(slot);
    return slot;
  }

  private async execute(slot: Slot, job: Job): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const value = await new Promise((resolve, reject) => {
        slot.aborts.set(job, reject);
        timer = setTimeout(() => reject(new Error('OCR job timed out')), this.timeoutMs);
        // Never send a job to a worker being thrown away: tesseract.js posts it from an async
        // helper whose rejection nobody can catch once the thread is gone.
        slot.ready
          .then((w) => {
            if (slot.discarded) throw new Error('OCR worker discarded');
            return job.task(w);
          })
          .then(resolve, reject);
      });
      job.resolve(value);
    } catch (error) {
      slot.aborts.delete(job);
      if (error === REQUEUE) {
        // Its worker was thrown away before its turn: first in line for the next worker.
        this.queue.unshift(job);
      } else {
        // tesseract's messages say nothing useful to staff and may quote the input: code only.
        void this.discard(slot);
        job.reject(new KaijiError('OCR_FAILED'));
      }
    } finally {
      clearTimeout(timer);
      slot.aborts.delete(job);
      slot.jobs = slot.jobs.filter((j) => j !== job);
    }
  }

  private spawn(kind: Kind): Slot {
    const slot: Slot = { kind, ready: Promise.resolve(undefined as never), jobs: [], aborts: new Map(), discarded: false };
    const logger = (m: Tesseract.LoggerMessage) => {
      // The thread reads its jobs in order: progress is the first one's.
      if (m.status === 'recognizing text') slot.jobs[0]?.onProgress?.(m.progress);
    };
    slot.ready = createTessWorker(kind, logger).then((w) => {
      // An uncaught error in the thread would otherwise be an 'error' event with no listener,
      // which kills the process; and a dead thread never answers its pending job.
      const thread = (w as unknown as { worker?: ThreadWorker }).worker;
      thread?.on('error', () => slot.aborts.get(slot.jobs[0]!)?.(new Error('OCR worker crashed')));
      thread?.on('exit', () => {
        slot.aborts.get(slot.jobs[0]!)?.(new Error('OCR worker exited'));
        void this.discard(slot);
      });
      if (slot.discarded) void w.terminate();
      return w;
    });
    slot.ready.catch(() => {}); // failures reach the job through execute()
    return slot;
  }

  /**
   * Throws a worker away. Jobs waiting behind the one it was reading go back to the queue
   * (`requeue`), or fail with OCR_FAILED when the pool is terminating.
   */
  private async discard(slot: Slot, requeue = true): Promise<void> {
    this.slots = this.slots.filter((s) => s !== slot);
    if (slot.discarded) return;
    slot.discarded = true;
    for (const job of slot.jobs.slice(1)) slot.aborts.get(job)?.(requeue ? REQUEUE : new Error('OCR pool terminated'));
    if (!requeue && slot.jobs[0]) slot.aborts.get(slot.jobs[0])?.(new Error('OCR pool terminated'));
    try {
      await (await slot.ready).terminate();
    } catch {
      // never started, or already gone
    }
  }
}

async function createTessWorker(kind: Kind, logger: (m: Tesseract.LoggerMessage) => void): Promise<TessWorker> {
  const primary = kind === 'osd' ? 'osd' : kind === 'eng' || kind === 'zone' ? 'eng' : 'jpn';
  const legacy = kind === 'zone-jpn-legacy';
  // A missing file makes tesseract.js wait forever (load errors never reject createWorker).
  if (!existsSync(tessdataFile(primary, legacy ? 'legacy' : undefined))) throw new KaijiError('OCR_FAILED');
  const options = { ...workerFileOptions(primary, legacy ? 'legacy' : undefined), logger, errorHandler: () => {} };
  if (legacy) {
    return Tesseract.createWorker('jpn', OEM.TESSERACT_ONLY, { ...options, legacyCore: true, legacyLang: true });
  }
  if (kind === 'osd') {
    return Tesseract.createWorker('osd', OEM.TESSERACT_ONLY, { ...options, legacyCore: true, legacyLang: true });
  }
  if (kind === 'eng' || kind === 'zone') return Tesseract.createWorker('eng', OEM.LSTM_ONLY, options);
  // jpn+eng, see tessdata.ts: start jpn without its model, add eng's data, then load both.
  const w = await Tesseract.createWorker('jpn', OEM.LSTM_ONLY, options, 'tessedit_init_config_only 1');
  try {
    await w.FS('writeFile', ['eng.traineddata', traineddata('eng')]);
    await w.reinitialize('jpn', OEM.LSTM_ONLY, 'tessedit_load_sublangs eng');
    return w;
  } catch (e) {
    await w.terminate();
    throw e;
  }
}

/** Characters with their alternatives from tesseract.js's blocks output (lstm_choice_mode 2). */
function symbolsOf(blocks: Tesseract.Block[] | null | undefined): OcrSymbol[] {
  const out: OcrSymbol[] = [];
  for (const b of blocks ?? []) {
    for (const p of b.paragraphs ?? []) {
      for (const l of p.lines ?? []) {
        for (const w of l.words ?? []) {
          for (const s of w.symbols ?? []) {
            const choices = ((s as { choices?: { text: string; confidence: number }[] }).choices ?? []).map((c) => ({ text: c.text, confidence: c.confidence }));
            out.push({ text: s.text, confidence: s.confidence, choices, bbox: s.bbox });
          }
        }
      }
    }
  }
  return out;
}

/** Words from tesseract's TSV (level 5 rows: left, top, width, height, conf, text). */
function parseWords(tsv: string): OcrWord[] {
  const words: OcrWord[] = [];
  for (const line of tsv.split('\n')) {
    const c = line.split('\t');
    if (c[0] !== '5' || c.length < 12) continue;
    const text = normaliseOcrText(c.slice(11).join('\t'));
    if (!text) continue;
    const [x0, y0, w, h, conf] = c.slice(6, 11).map(Number) as [number, number, number, number, number];
    words.push({ text, confidence: conf, bbox: { x0, y0, x1: x0 + w, y1: y0 + h } });
  }
  return words;
}
