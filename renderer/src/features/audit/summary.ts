/** One-line `key: value` rendering of an audit summary (values are never personal data). */
export function compactSummary(summary: Record<string, unknown>): string {
  return Object.entries(summary)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ');
}

/** `case:01J…` shortened for the table; the full id stays in the title attribute. */
export function recordLabel(type: string | null, id: string | null): string {
  if (!type && !id) return '';
  if (!id) return type ?? '';
  const short = id.length > 10 ? `${id.slice(0, 8)}…` : id;
  return type ? `${type}:${short}` : short;
}
