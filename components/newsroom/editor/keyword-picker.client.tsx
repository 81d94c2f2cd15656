'use client';

import { useEffect, useId, useState } from 'react';
import { foldVietnamese } from '@/lib/vietnamese';
import { KEYWORD_SUGGESTIONS_PATH } from '@/lib/newsroom-editor-paths';
import styles from './editor.module.css';

type Props = { keywords: string[]; onChange: (keywords: string[]) => void };

// Từ khóa: existing keywords are suggested as one types, without regard to diacritics ("thai binh" suggests "Thái
// Bình"; the server folds both sides); Enter picks the highlighted suggestion, or adds what was typed as a new keyword.
// A combobox with a listbox (WAI-ARIA APG), so it is usable from the keyboard and named for screen readers.
export function KeywordPicker({ keywords, onChange }: Props) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<string[]>([]);
  const [active, setActive] = useState(-1);

  useEffect(() => {
    const q = query.trim();
    if (!q) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`${KEYWORD_SUGGESTIONS_PATH}?q=${encodeURIComponent(q)}`, { signal: controller.signal })
        .then((r) => (r.ok ? (r.json() as Promise<{ names: string[] }>) : { names: [] }))
        .then(({ names }) => {
          const taken = new Set(keywords.map(foldVietnamese));
          setOptions(names.filter((name) => !taken.has(foldVietnamese(name))));
          setActive(-1);
        })
        .catch(() => undefined);
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, keywords]);

  function add(name: string) {
    const value = name.trim().normalize('NFC');
    if (value && !keywords.some((k) => foldVietnamese(k) === foldVietnamese(value)) && keywords.length < 30) onChange([...keywords, value]);
    setQuery('');
    setOptions([]);
  }

  const open = query.trim() !== '' && options.length > 0;
  return (
    <div className={styles.field}>
      <label htmlFor={`${id}-input`}>Từ khóa</label>
      <ul className={styles.chips} aria-label="Từ khóa đã chọn">
        {keywords.map((keyword) => (
          <li key={keyword} className={styles.chip}>
            {keyword}
            <button type="button" aria-label={`Bỏ từ khóa ${keyword}`} onClick={() => onChange(keywords.filter((k) => k !== keyword))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className={styles.combo}>
        <input
          id={`${id}-input`}
          role="combobox"
          aria-expanded={open}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={active >= 0 ? `${id}-option-${active}` : undefined}
          aria-describedby={`${id}-hint`}
          value={query}
          maxLength={100}
          autoComplete="off"
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' && open) setActive((a) => Math.min(a + 1, options.length - 1));
            else if (event.key === 'ArrowUp' && open) setActive((a) => Math.max(a - 1, -1));
            else if (event.key === 'Escape') setOptions([]);
            else if (event.key === 'Enter') add(active >= 0 ? options[active]! : query);
            else return;
            event.preventDefault();
          }}
        />
        <ul id={`${id}-list`} role="listbox" aria-label="Từ khóa gợi ý" className={styles.options} hidden={!open}>
          {options.map((name, index) => (
            <li key={name} id={`${id}-option-${index}`} role="option" aria-selected={index === active} onMouseDown={(event) => event.preventDefault()} onClick={() => add(name)}>
              {name}
            </li>
          ))}
        </ul>
      </div>
      <small id={`${id}-hint`} className={styles.hint}>
        Gõ để tìm từ khóa có sẵn (không cần dấu); Enter để chọn, hoặc để thêm từ khóa mới.
      </small>
    </div>
  );
}
