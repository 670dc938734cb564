/**
 * A rough strength estimate for the create-vault hint. It is advice, not a gate (the contract's
 * 8-character floor is the only rule): it rewards length and word count over symbol soup, and
 * punishes the patterns guessers try first (common passwords, repeats, keyboard runs).
 */
export interface Strength {
  /** 0 = too short or trivial, 4 = strong. */
  score: 0 | 1 | 2 | 3 | 4;
  label: string;
  hint: string;
}

const COMMON = [
  'password',
  'passwort',
  'letmein',
  'welcome',
  'qwerty',
  'azerty',
  'admin',
  'root',
  'opsdeck',
  'secret',
  'changeme',
  'iloveyou',
  'dragon',
  'monkey',
  'master',
  'login',
  'abc123',
  '123456',
  '111111',
  'trustno1',
];
const RUNS = ['abcdefghijklmnopqrstuvwxyz', '01234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'qwertzuiop', 'azertyuiop'];

function poolSize(p: string): number {
  let pool = 0;
  if (/[a-z]/.test(p)) pool += 26;
  if (/[A-Z]/.test(p)) pool += 26;
  if (/[0-9]/.test(p)) pool += 10;
  if (/[^A-Za-z0-9]/.test(p)) pool += 33;
  return pool;
}

/** Characters that a guesser gets for free: parts of runs like "abcd"/"1234" and repeated chars. */
function predictableChars(p: string): number {
  const lower = p.toLowerCase();
  let free = 0;
  for (let i = 1; i < lower.length; i++) {
    const pair = lower.slice(i - 1, i + 1);
    const reversed = [...pair].reverse().join('');
    if (lower[i] === lower[i - 1] || RUNS.some((r) => r.includes(pair) || r.includes(reversed))) free++;
  }
  return free;
}

export function estimateBits(p: string): number {
  if (!p) return 0;
  const words = p
    .trim()
    .split(/\s+/)
    .filter((w) => w.length >= 3);
  const effective = Math.max(1, p.length - predictableChars(p));
  let bits = effective * Math.log2(Math.max(poolSize(p), 10));
  // Sentences are low-entropy per character but high per word; credit them like diceware words.
  if (words.length >= 3) bits = Math.max(bits * 0.6, words.length * 11);
  const lower = p.toLowerCase();
  if (COMMON.some((c) => lower.includes(c))) bits -= 20;
  return Math.max(0, bits);
}

export function passphraseStrength(p: string): Strength {
  if (p.length < 8) {
    return { score: 0, label: 'Too short', hint: 'At least 8 characters. A short sentence is easiest to remember.' };
  }
  const bits = estimateBits(p);
  if (bits < 30) return { score: 1, label: 'Weak', hint: 'Easy to guess. Four or more unrelated words make a strong passphrase.' };
  if (bits < 50) return { score: 2, label: 'Fair', hint: 'Getting there: add another word or two.' };
  if (bits < 70) return { score: 3, label: 'Good', hint: 'Longer is still better for a vault that holds your keys.' };
  return { score: 4, label: 'Strong', hint: 'Hard to guess and easy to type.' };
}
