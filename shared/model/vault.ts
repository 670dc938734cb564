import { z } from 'zod';

export const VaultState = z.enum(['missing', 'locked', 'unlocked']);
export type VaultState = z.infer<typeof VaultState>;

export const VaultStatus = z.object({
  state: VaultState,
  path: z.string(),
  /** Minutes without activity before the vault locks itself; 0 = never. */
  idleLockMinutes: z.number().int().nullable(),
});
export type VaultStatus = z.infer<typeof VaultStatus>;

/** 8 characters is a floor, not advice: the UI shows strength and suggests a sentence. */
export const Passphrase = z.string().min(8, 'Use at least 8 characters').max(1024, 'Passphrase is too long');

export const Settings = z.object({
  idleLockMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  theme: z.enum(['system', 'light', 'dark']),
});
export type Settings = z.infer<typeof Settings>;
