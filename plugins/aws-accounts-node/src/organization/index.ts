export * from './DefaultOrganizationReader';
export * from './matchAccount';
export * from './matchOrganizationalUnit';
export * from './OrganizationReader';
export * from './OrganizationReadError';
export * from './RequestPacer';
export * from './types';
