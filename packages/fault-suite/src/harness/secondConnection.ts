import knexFactory, { Knex } from 'knex';

/**
 * Another connection pool to the same database, as a second backend
 * process would open; destroying it is what a crashed process does to its
 * connections.
 */
export function secondConnection(knex: Knex): Knex {
  return knexFactory({
    client: knex.client.config.client,
    connection: knex.client.config.connection,
    pool: { min: 0, max: 5 },
    // A dead process's queries fail at once instead of waiting a minute.
    acquireConnectionTimeout: 2000,
  });
}
