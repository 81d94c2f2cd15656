'use client';

import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { formatViews } from '@/lib/text';

type ViewsResponse = { id: number; views: number; counted?: boolean };

// One view per article per browser in this window: reloads and back-navigation inside it post nothing.
const COUNT_WINDOW_MS = 30 * 60 * 1000;
const storageKey = (id: number) => `luot-xem:${id}`;

function countedRecently(id: number): boolean {
  try {
    const at = Number(window.localStorage.getItem(storageKey(id)));
    return Number.isFinite(at) && at > 0 && Date.now() - at < COUNT_WINDOW_MS;
  } catch {
    return false; // storage unavailable: count anyway
  }
}

function rememberCounted(id: number): void {
  try {
    window.localStorage.setItem(storageKey(id), String(Date.now()));
  } catch {
    // storage unavailable or full: nothing to remember
  }
}

async function callViews(id: number, method: 'GET' | 'POST'): Promise<ViewsResponse> {
  const response = await fetch(`/api/articles/${id}/views`, { method, cache: 'no-store' });
  if (!response.ok) throw new Error(`views ${response.status}`);
  return response.json();
}

/**
 * Shows the count from the HTML at once, then reports this view (or, if this browser already counted the
 * article recently, just reads the current count), so a page served from any cache still shows a fresh number.
 * One mutation does either, so the page needs no query observer code: docs/decisions/0010-page-weight-budget.md.
 */
export function ViewCounter({ articleId, initialViews }: { articleId: number; initialViews: number }) {
  const started = useRef(false);
  const report = useMutation({
    mutationFn: (alreadyCounted: boolean) => callViews(articleId, alreadyCounted ? 'GET' : 'POST'),
    onSuccess: (data) => {
      if (data.counted) rememberCounted(articleId);
    },
  });

  const { mutate } = report;
  useEffect(() => {
    if (started.current) return; // React may run effects twice in development
    started.current = true;
    // Decided here, in the browser: on the server there is no storage and nothing is sent.
    mutate(countedRecently(articleId));
  }, [articleId, mutate]);

  const views = report.data?.views ?? initialViews;
  // No live region: a screen reader reads the count with the page, not again on every update.
  return <span className="article__views">{formatViews(views)}</span>;
}
