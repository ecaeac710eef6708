export * from './activations';
export * from './numeric';
export * from './network';
export * from './theory';
export * from './losses';
export * from './training';
