/** Short, stable text for a finding value in tables and logs. */
export function show(value: unknown): string {
  if (value === undefined) return 'absent';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

export function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
