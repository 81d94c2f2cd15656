'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { EditorDraft } from '@/lib/editor-draft';
import { CREATE_ARTICLE_PATH, editArticlePath, publishArticlePath, saveArticlePath } from '@/lib/newsroom-editor-paths';

// Saving: a draft is saved a few seconds after the last change, at most every AUTOSAVE_MAX_WAIT_MS while typing goes
// on, and when the page is left; every save says the version it was based on, and the server answers 409 when
// someone saved another version meanwhile. What is typed is kept in this browser (localStorage) until the server
// has it, so a refused or failed save loses nothing (docs/decisions/0029-article-editor.md).

const AUTOSAVE_IDLE_MS = 2_000;
const AUTOSAVE_MAX_WAIT_MS = 10_000;
/** Browsers refuse keepalive requests over 64 KiB: a longer draft leaving the page stays in localStorage. */
const KEEPALIVE_MAX_BYTES = 60_000;

export type SaveState =
  | { kind: 'saved'; at: Date | null }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'conflict' }
  | { kind: 'refused'; problems: string[] }
  | { kind: 'failed'; message: string };

export type LocalCopy = { baseVersion: number; draft: EditorDraft; at: number };

export const localKey = (id: number | null) => `toa-soan:bai-viet:${id ?? 'moi'}`;

export function readLocalCopy(id: number | null): LocalCopy | null {
  try {
    return JSON.parse(localStorage.getItem(localKey(id)) ?? 'null') as LocalCopy | null;
  } catch {
    return null;
  }
}

function keepLocally(id: number | null, copy: LocalCopy) {
  try {
    localStorage.setItem(localKey(id), JSON.stringify(copy));
  } catch {
    // storage full or off: the server copy is all there is
  }
}

type Answer = { id: number; version: number; slug: string; publicPath: string | null; status: 'draft' | 'published' };

type Options = {
  id: number | null;
  version: number;
  status: 'draft' | 'published';
  collect: () => EditorDraft;
  onSaved: (answer: Answer) => void;
};

export function useArticleSaver({ id: initialId, version: initialVersion, status, collect, onSaved }: Options) {
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: null });
  const ref = useRef({ id: initialId, version: initialVersion, dirty: false, busy: false, firstChange: 0, timer: 0 as unknown as ReturnType<typeof setTimeout> });

  const send = useCallback(
    async (publish: boolean, leaving = false): Promise<boolean> => {
      const current = ref.current;
      if (current.busy) return false;
      clearTimeout(current.timer);
      const draft = collect();
      const copy = { baseVersion: current.version, draft, at: Date.now() };
      keepLocally(current.id, copy);
      current.busy = true;
      current.dirty = false;
      setState({ kind: 'saving' });
      try {
        const url = current.id === null ? CREATE_ARTICLE_PATH : publish ? publishArticlePath(current.id) : saveArticlePath(current.id);
        const body = JSON.stringify({ baseVersion: current.version, draft });
        // When the page is being left, keepalive lets the save finish after it (within the browser's 64 KiB limit).
        const keepalive = leaving && body.length <= KEEPALIVE_MAX_BYTES;
        const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, keepalive });
        const answer = (await response.json().catch(() => ({}))) as Partial<Answer> & { problems?: string[]; error?: string };
        if (response.status === 409) {
          setState({ kind: 'conflict' });
          return false;
        }
        if (!response.ok || answer.id === undefined || answer.version === undefined) {
          current.dirty = true;
          setState(answer.problems ? { kind: 'refused', problems: answer.problems } : { kind: 'failed', message: answer.error ?? `Máy chủ trả lời ${response.status}.` });
          return false;
        }
        if (current.id === null) {
          localStorage.removeItem(localKey(null));
          history.replaceState(null, '', editArticlePath(answer.id));
        }
        current.id = answer.id;
        current.version = answer.version;
        // What the server has now is what was sent: the local copy is needed only if more was typed since.
        if (current.dirty) keepLocally(current.id, { ...copy, baseVersion: answer.version });
        else localStorage.removeItem(localKey(current.id));
        onSaved(answer as Answer);
        setState(current.dirty ? { kind: 'unsaved' } : { kind: 'saved', at: new Date() });
        return true;
      } catch {
        current.dirty = true;
        setState({ kind: 'failed', message: 'Mất kết nối: bản đang gõ được giữ trên máy này và sẽ lưu khi có mạng.' });
        return false;
      } finally {
        current.busy = false;
      }
    },
    [collect, onSaved],
  );

  /** Called on every change: keeps it locally and schedules the autosave (drafts only: a published article changes when `lanh-dao` says so). */
  const changed = useCallback(() => {
    const current = ref.current;
    const now = Date.now();
    if (!current.dirty) current.firstChange = now;
    current.dirty = true;
    setState({ kind: 'unsaved' });
    keepLocally(current.id, { baseVersion: current.version, draft: collect(), at: now });
    if (status !== 'draft') return;
    clearTimeout(current.timer);
    const wait = Math.max(0, Math.min(AUTOSAVE_IDLE_MS, current.firstChange + AUTOSAVE_MAX_WAIT_MS - now));
    current.timer = setTimeout(() => void send(false), wait);
  }, [collect, send, status]);

  // Leaving the page (or hiding it: a phone may never come back to it): the local copy, and a last save of a draft.
  useEffect(() => {
    function leave() {
      const current = ref.current;
      if (!current.dirty) return;
      keepLocally(current.id, { baseVersion: current.version, draft: collect(), at: Date.now() });
      if (status === 'draft' && current.id !== null) void send(false, true);
    }
    const hidden = () => document.visibilityState === 'hidden' && leave();
    window.addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', hidden);
    };
  }, [collect, send, status]);

  return { state, changed, save: () => send(false), publish: () => send(true), idRef: ref };
}
