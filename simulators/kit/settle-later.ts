// Vendors finish some work in the background (Nomad's batch actions, Icareus' copied
// files). Simulators schedule that with `later`, and cancel what is pending on close.
export interface Settler {
  later(run: () => void): void;
  cancelAll(): void;
}

export function createSettler(settleMs: number): Settler {
  const timers = new Set<NodeJS.Timeout>();
  return {
    later(run) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        run();
      }, settleMs);
      timers.add(timer);
    },
    cancelAll() {
      timers.forEach((timer) => clearTimeout(timer));
      timers.clear();
    },
  };
}
