// A clock for main's plain-Node tests: time moves only when the test advances it, firing due timers in order.

interface Timer {
  at: number;
  callback: () => void;
  every?: number;
}

/** now(), setTimeout/setInterval and their clears, and advance(ms) to run what falls due. */
export function fakeClock() {
  let time = 0;
  let next = 1;
  const timers = new Map<number, Timer>();
  const clock = {
    now: () => time,
    setTimeout: (callback: () => void, ms: number) => {
      const id = next++;
      timers.set(id, { at: time + ms, callback });
      return id;
    },
    setInterval: (callback: () => void, ms: number) => {
      const id = next++;
      timers.set(id, { at: time + ms, callback, every: ms });
      return id;
    },
    clearTimeout: (id: unknown) => void timers.delete(id as number),
    clearInterval: (id: unknown) => void timers.delete(id as number),
    /** Moves time on by `ms`, running every timer that falls due on the way. */
    advance(ms: number) {
      const end = time + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, timer]) => timer.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        const [id, timer] = due;
        time = timer.at;
        if (timer.every !== undefined) timer.at += timer.every;
        else timers.delete(id);
        timer.callback();
      }
      time = end;
    },
  };
  return clock;
}
