/**
 * Find in scrollback: Enter for the next match (upwards from the bottom, where people look first),
 * Shift+Enter for the previous one, Esc to close. All matches are highlighted while it is open.
 */
import type { ISearchOptions } from '@xterm/addon-search';
import { useEffect, useRef, useState } from 'react';
import { Icon } from '../../ui/Icon';
import { livePane } from './runtime/registry';
import { TermIcon } from './TermIcon';
import { useTerminals } from './terminalsStore';

function options(caseSensitive: boolean): ISearchOptions {
  const dark = document.documentElement.dataset['theme'] === 'dark';
  return {
    caseSensitive,
    decorations: {
      matchBackground: dark ? '#5a4a1a' : '#fff1b8',
      activeMatchBackground: dark ? '#a8721a' : '#ffc94d',
      matchOverviewRuler: '#d4a72c',
      activeMatchColorOverviewRuler: '#e36209',
    },
  };
}

export function FindBar({ paneId }: { paneId: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [result, setResult] = useState<{ index: number; count: number } | null>(null);
  const search = livePane(paneId)?.view.search;

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
    const sub = search?.onDidChangeResults((r) => setResult({ index: r.resultIndex, count: r.resultCount }));
    return () => {
      sub?.dispose();
      search?.clearDecorations();
    };
  }, [search]);

  const find = (newer: boolean, q = query) => {
    if (!search) return;
    if (!q) {
      search.clearDecorations();
      setResult(null);
      return;
    }
    // xterm.js searches "next" downwards (newer output); the scrollback is read upwards first.
    if (newer) search.findNext(q, options(caseSensitive));
    else search.findPrevious(q, options(caseSensitive));
  };

  const close = () => {
    useTerminals.setState({ findPane: null });
    livePane(paneId)?.view.focus();
  };

  return (
    <div className="term-find" role="search" data-testid="find-bar">
      <input
        ref={input}
        className="input"
        placeholder="Find in scrollback"
        value={query}
        aria-label="Find in scrollback"
        data-testid="find-input"
        onChange={(e) => {
          setQuery(e.target.value);
          find(false, e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            find(e.shiftKey);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            close();
          }
        }}
      />
      <span className="term-find-count" data-testid="find-count">
        {result && query ? (result.count === 0 ? 'no match' : `${result.index + 1} of ${result.count}`) : ''}
      </span>
      <button
        type="button"
        className={`btn btn-ghost btn-sm btn-icon${caseSensitive ? ' is-on' : ''}`}
        aria-pressed={caseSensitive}
        title="Match case"
        onClick={() => setCaseSensitive(!caseSensitive)}
      >
        Aa
      </button>
      <button
        type="button"
        className="btn btn-ghost btn-sm btn-icon"
        title="Older match (Enter)"
        aria-label="Older match"
        onClick={() => find(false)}
      >
        <TermIcon name="up" size={14} />
      </button>
      <button
        type="button"
        className="btn btn-ghost btn-sm btn-icon"
        title="Newer match (Shift+Enter)"
        aria-label="Newer match"
        onClick={() => find(true)}
      >
        <TermIcon name="down" size={14} />
      </button>
      <button type="button" className="btn btn-ghost btn-sm btn-icon" aria-label="Close find" onClick={close}>
        <Icon name="close" size={14} />
      </button>
    </div>
  );
}
