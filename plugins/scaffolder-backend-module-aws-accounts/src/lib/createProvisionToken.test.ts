import { createProvisionToken } from './createProvisionToken';

describe('createProvisionToken', () => {
  const parts = { taskId: 't-1', stepId: 'create', subject: 'account/a@b.c' };

  it('is stable for the same task, step and subject, and fits Service Catalog and CloudFormation', () => {
    const token = createProvisionToken(parts);

    expect(createProvisionToken({ ...parts })).toBe(token);
    expect(token).toMatch(/^[a-zA-Z][-a-zA-Z0-9]{0,127}$/);
  });

  it('differs for another task, step, iteration or subject', () => {
    const token = createProvisionToken(parts);

    expect(createProvisionToken({ ...parts, taskId: 't-2' })).not.toBe(token);
    expect(createProvisionToken({ ...parts, stepId: 'validate' })).not.toBe(
      token,
    );
    expect(createProvisionToken({ ...parts, iteration: '{"key":1}' })).not.toBe(
      token,
    );
    expect(
      createProvisionToken({ ...parts, subject: 'account/x@y.z' }),
    ).not.toBe(token);
  });
});
