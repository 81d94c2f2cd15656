'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';

/** Folds the phone category menu (its <details>) again after the reader follows one of its links. */
export function MenuCloser() {
  const marker = useRef<HTMLSpanElement>(null);
  const pathname = usePathname();
  useEffect(() => {
    const menu = marker.current?.closest('details');
    if (menu) menu.open = false;
  }, [pathname]);
  return <span ref={marker} hidden />;
}
