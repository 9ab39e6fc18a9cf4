// The one clock Xiaoer reads "now" from. Features, stores and the worker ask `clock` instead of calling Date.now()
// themselves, so a unit test pins the time with setClock() and an end-to-end test moves it for the whole browser
// (test/support/fake-time.mjs starts the browser under faketime).

type ReadTime = () => number;

const machineTime: ReadTime = () => Date.now();
let readTime: ReadTime = machineTime;

export const clock = {
  /** Milliseconds since the epoch. */
  now: (): number => readTime(),
  /** The same instant as a Date. */
  date: (): Date => new Date(readTime()),
};

/**
 * Tests: read the time from `read` (or a fixed instant) until the returned function puts the machine's clock back.
 * A number or date pins the clock; a function lets it run.
 */
export function setClock(time: number | Date | ReadTime): () => void {
  readTime = typeof time === 'function' ? time : ((fixed) => () => fixed)(typeof time === 'number' ? time : time.getTime());
  return () => {
    readTime = machineTime;
  };
}
