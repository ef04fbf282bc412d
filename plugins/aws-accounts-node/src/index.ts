/**
 * Backend helpers shared by the AWS accounts plugins.
 *
 * @packageDocumentation
 */

export * from './AwsClientFactory';
export * from './organization';
