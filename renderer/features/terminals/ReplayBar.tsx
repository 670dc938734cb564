/** Player controls under a replayed recording: play/pause, restart, speed, position. */
import { useSyncExternalStore } from 'react';
import { livePane } from './runtime/registry';
import { ReplayPane } from './runtime/replayPane';
import { TermIcon } from './TermIcon';

const SPEEDS = [1, 2, 4, 16];
const idle = { subscribe: () => () => undefined, snapshot: () => null };

function clock(s: number): string {
  const m = Math.floor(s / 60);
  return `${m}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
}

export function ReplayBar({ paneId }: { paneId: string }) {
  const live = livePane(paneId);
  const player = live instanceof ReplayPane ? live : null;
  const state = useSyncExternalStore(player?.subscribe ?? idle.subscribe, player?.snapshot ?? idle.snapshot);
  if (!player || !state) return null;
  if (state.error) return <div className="term-replay-bar error-text">{state.error}</div>;
  return (
    <div className="term-replay-bar" data-testid="replay-bar">
      <button
        type="button"
        className="btn btn-sm btn-icon"
        aria-label={state.playing ? 'Pause' : 'Play'}
        disabled={!state.loaded}
        onClick={() => (state.playing ? player.pause() : player.play())}
        data-testid="replay-play"
      >
        <TermIcon name={state.playing ? 'pause' : 'play'} size={14} />
      </button>
      <button
        type="button"
        className="btn btn-sm btn-icon"
        aria-label="From the start"
        disabled={!state.loaded}
        onClick={() => player.restart()}
      >
        <TermIcon name="restart" size={14} />
      </button>
      <div className="segmented" role="radiogroup" aria-label="Speed">
        {SPEEDS.map((x) => (
          <button key={x} type="button" role="radio" aria-checked={state.speed === x} onClick={() => player.setSpeed(x)}>
            {x}×
          </button>
        ))}
      </div>
      <progress className="term-replay-progress" max={state.duration || 1} value={state.position} />
      <span className="term-replay-time mono" data-testid="replay-time">
        {state.loaded ? `${clock(state.position)} / ${clock(state.duration)}` : 'loading…'}
        {state.done ? ' · end' : ''}
      </span>
    </div>
  );
}
