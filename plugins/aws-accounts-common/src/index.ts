/**
 * Types, permissions and annotation names shared by the AWS accounts plugins.
 *
 * @packageDocumentation
 */

export * from './annotations';
export * from './organization';
export * from './permissions';
export * from './sraChecks';
export * from './types';
