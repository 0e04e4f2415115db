import { useEffect, type RefObject } from 'react';

/**
 * Scrolling one column's output scrolls the others to the same relative position (capture-phase
 * listener on the container; a flag stops the echo from the programmatic scrolls).
 */
export function useSyncScroll(container: RefObject<HTMLElement | null>, enabled: boolean): void {
  useEffect(() => {
    const root = container.current;
    if (!root || !enabled) return;
    let syncing: Element | null = null;
    const onScroll = (event: Event) => {
      const source = event.target;
      if (!(source instanceof HTMLElement) || !source.matches('[data-compare-scroller]')) return;
      if (syncing && syncing !== source) return;
      syncing = source;
      const range = source.scrollHeight - source.clientHeight;
      const ratio = range > 0 ? source.scrollTop / range : 0;
      for (const other of root.querySelectorAll<HTMLElement>('[data-compare-scroller]')) {
        if (other === source) continue;
        other.scrollTop = ratio * (other.scrollHeight - other.clientHeight);
      }
      requestAnimationFrame(() => (syncing = null));
    };
    root.addEventListener('scroll', onScroll, true);
    return () => root.removeEventListener('scroll', onScroll, true);
  }, [container, enabled]);
}
