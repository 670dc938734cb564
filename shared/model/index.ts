export * from './errors';
export * from './inventory';
export * from './vault';
export * from './scan';
