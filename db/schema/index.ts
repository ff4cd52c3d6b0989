export * from './organizations';
export * from './users';
export * from './audit';
export * from './sign-in-attempts';
export * from './files';
export * from './admission';
export * from './notifications';
