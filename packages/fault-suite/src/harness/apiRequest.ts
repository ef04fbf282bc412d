import { mockCredentials } from '@backstage/backend-test-utils';
import { Server } from 'node:http';
import request from 'supertest';

/** The posture plugin's mount point in a test backend. */
export const POSTURE_API = '/api/aws-accounts';

/** A GET of the posture API as the given user (a user ref). */
export function getAs(server: Server, path: string, userRef?: string) {
  return request(server)
    .get(`${POSTURE_API}${path}`)
    .set('Authorization', mockCredentials.user.header(userRef));
}

/** A POST of the posture API as the given user (a user ref). */
export function postAs(server: Server, path: string, userRef?: string) {
  return request(server)
    .post(`${POSTURE_API}${path}`)
    .set('Authorization', mockCredentials.user.header(userRef));
}
