/** Calendar dates as `YYYY-MM-DD` strings in Japan time: what staff and letters mean by "a day". */
export function isoDateInJapan(at: Date): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}
