/** Four bars plus a label and a hint, updated as the user types the new passphrase. */
import { passphraseStrength } from './passphraseStrength';

export function StrengthMeter({ passphrase }: { passphrase: string }) {
  const { score, label, hint } = passphraseStrength(passphrase);
  return (
    <div className="strength" data-score={passphrase ? score : undefined} data-testid="strength">
      <div className="strength-bars" aria-hidden="true">
        {[1, 2, 3, 4].map((i) => (
          // Anything typed lights at least one bar, so "too short" reads as red, not as empty.
          <span key={i} className={passphrase && Math.max(score, 1) >= i ? 'on' : ''} />
        ))}
      </div>
      <div className="strength-text" aria-live="polite">
        {passphrase ? (
          <>
            <strong>{label}.</strong> {hint}
          </>
        ) : (
          'A sentence of four or more words is strong and easy to type.'
        )}
      </div>
    </div>
  );
}
