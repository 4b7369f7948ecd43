/** `案件 01J…` shortened for the table (type in words); the full id stays in the title attribute. */
export function recordLabel(type: string | null, id: string | null, typeWords: (type: string) => string = (t) => t): string {
  if (!type && !id) return '';
  if (!id) return type ? typeWords(type) : '';
  const short = id.length > 10 ? `${id.slice(0, 8)}…` : id;
  return type ? `${typeWords(type)} ${short}` : short;
}
