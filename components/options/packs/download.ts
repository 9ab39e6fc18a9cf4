import { clock } from '@/utils/clock';

/** Saves `content` as a file through the browser's own download (the agent picks nothing: it lands in Downloads). */
export function downloadFile(fileName: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download time to start before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** 2026-11-25 in local time, for file names. */
export const today = () => clock.date().toLocaleDateString('sv-SE');
