/**
 * What a file really is, from its first bytes. Scans arrive from USB sticks, mail attachments and
 * scanner shares with whatever extension someone typed, so the name is never trusted.
 */

export type ScanFormat = 'jpeg' | 'png' | 'tiff' | 'pdf';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function sniffFormat(bytes: Buffer): ScanFormat | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  const tiffMagic = bytes.subarray(0, 4).toString('latin1');
  // Classic TIFF (II*\0 / MM\0*) and BigTIFF (II+\0 / MM\0+).
  if (['II*\0', 'MM\0*', 'II+\0', 'MM\0+'].includes(tiffMagic)) return 'tiff';
  // The PDF spec lets "%PDF-" appear anywhere in the first 1024 bytes (some scanners prepend junk).
  if (bytes.subarray(0, 1024).includes('%PDF-')) return 'pdf';
  return undefined;
}

/**
 * Structural "is the end of the file there?" checks. Decoders report a cut-short PNG or TIFF
 * with the same error as a damaged one; telling the user "the copy did not finish" is more
 * useful, because re-copying fixes it.
 */
export function looksTruncated(format: ScanFormat, bytes: Buffer): boolean {
  switch (format) {
    case 'png':
      // Every complete PNG ends with the 12-byte IEND chunk (length 0, type, fixed CRC).
      return !bytes.subarray(-12).equals(Buffer.from('0000000049454e44ae426082', 'hex'));
    case 'jpeg':
      // EOI marker; a little trailing padding after it is common, so look near the end.
      return !bytes.subarray(-64).includes(Buffer.from([0xff, 0xd9]));
    case 'tiff':
      return tiffFirstIfdOutside(bytes);
    case 'pdf':
      return !bytes.subarray(-1024).includes('%%EOF');
  }
}

/** The first IFD (page directory) offset points past the end: the file was cut before it. */
function tiffFirstIfdOutside(bytes: Buffer): boolean {
  if (bytes.length < 16) return true;
  const le = bytes[0] === 0x49;
  const big = bytes[2] === 0x2b || bytes[3] === 0x2b;
  const offset = big
    ? Number(le ? bytes.readBigUInt64LE(8) : bytes.readBigUInt64BE(8))
    : le
      ? bytes.readUInt32LE(4)
      : bytes.readUInt32BE(4);
  return offset >= bytes.length;
}
