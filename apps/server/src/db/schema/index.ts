export * from './org';
export * from './access';
export * from './settings';
export * from './children';
export * from './audit';
export * from './registries';
export * from './reconciliation';
