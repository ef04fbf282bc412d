/**
 * Posture of AWS accounts in the portal.
 *
 * @packageDocumentation
 */
export {};
