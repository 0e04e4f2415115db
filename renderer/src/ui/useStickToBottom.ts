import { useEffect, useRef, type RefObject } from 'react';

/**
 * Keeps a scroll container pinned to its end while its content element grows, as long as the user
 * was at the end (scrolling up to read releases it; scrolling back down pins it again). With
 * `follow` false it does nothing: a response that arrives whole opens at its start.
 */
export function useStickToBottom<C extends HTMLElement, I extends HTMLElement>(
  follow = true,
): {
  containerRef: RefObject<C | null>;
  contentRef: RefObject<I | null>;
} {
  const containerRef = useRef<C | null>(null);
  const contentRef = useRef<I | null>(null);
  useEffect(() => {
    const container = containerRef.current;
    const content = contentRef.current;
    if (!container || !content || !follow) return;
    let pinned = true;
    const onScroll = () => {
      pinned = container.scrollHeight - container.scrollTop - container.clientHeight < 24;
    };
    const observer = new ResizeObserver(() => {
      // Not while hidden (a replaced run's view being emptied): reading its scrollHeight would force
      // the layout that content-visibility skips.
      if (pinned && container.checkVisibility()) container.scrollTop = container.scrollHeight;
    });
    observer.observe(content);
    container.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      observer.disconnect();
      container.removeEventListener('scroll', onScroll);
    };
  }, [follow]);
  return { containerRef, contentRef };
}
