// @ts-check

/**
 * Accounts, posture snapshots, current findings and incremental sync state.
 * Timestamps are ISO 8601 strings in UTC, which sort the same on SQLite and
 * PostgreSQL.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('aws_accounts_accounts', table => {
    table.comment('AWS accounts to collect, as read from the catalog');
    table.string('account_id', 12).primary().notNullable();
    table.string('name').notNullable();
    table.string('entity_ref').notNullable();
    table.string('owner').nullable();
    table.string('environment').nullable();
    table.string('application').nullable();
    table.string('organizational_unit_id').nullable();
    table.string('organizational_unit_path').nullable();
    table.string('status').nullable();
    table
      .text('read_error')
      .nullable()
      .comment('why the last run could not read the account');
    table.string('read_error_since', 32).nullable();
    table.string('seen_at', 32).notNullable();
  });

  await knex.schema.createTable('aws_accounts_snapshots', table => {
    table.comment('One posture snapshot per account per collection run');
    table.increments('id').primary();
    table.string('account_id', 12).notNullable();
    table.string('collected_at', 32).notNullable();
    table
      .boolean('complete')
      .notNullable()
      .comment('false when no source of the account could be read');
    table.integer('score').nullable();
    table.integer('failing_checks').notNullable().defaultTo(0);
    table.integer('critical_findings').nullable();
    table.text('posture').notNullable();
    table.index(
      ['account_id', 'collected_at'],
      'aws_accounts_snapshots_account_idx',
    );
    table.index(['collected_at'], 'aws_accounts_snapshots_collected_idx');
  });

  await knex.schema.createTable('aws_accounts_findings', table => {
    table.comment('Current findings, upserted by source and ARN');
    table.string('id', 32).primary().notNullable();
    table.string('source', 32).notNullable();
    table.text('arn').notNullable();
    table.string('account_id', 12).notNullable();
    table.string('region', 32).notNullable();
    table.string('severity', 16).notNullable();
    table.integer('severity_rank').notNullable();
    table.string('status', 16).notNullable();
    table.boolean('active').notNullable();
    table.text('title').notNullable();
    table.string('vulnerability_id').nullable();
    table.string('package_name').nullable();
    table.string('resource_type').nullable();
    table.string('fix_available', 8).nullable();
    table.boolean('exploit_available').nullable();
    table.float('inspector_score_sort').notNullable().defaultTo(-1);
    table.string('control_id').nullable();
    table.string('compliance_status', 16).nullable();
    table.string('record_state', 16).nullable();
    table.string('workflow_status', 16).nullable();
    table.string('first_observed_at', 32).notNullable().defaultTo('');
    table.string('last_observed_at', 32).notNullable().defaultTo('');
    table.string('updated_at', 32).notNullable();
    table.text('finding').notNullable();
    table.index(
      ['account_id', 'source', 'active'],
      'aws_accounts_findings_account_idx',
    );
    table.index(
      ['account_id', 'control_id'],
      'aws_accounts_findings_control_idx',
    );
  });

  await knex.schema.createTable('aws_accounts_sync_state', table => {
    table.comment(
      'When each source was last read completely, for incremental runs',
    );
    table
      .string('scope', 32)
      .notNullable()
      .comment(
        'an account id, or "organization" for the delegated administrator',
      );
    table.string('source', 32).notNullable();
    table.string('region', 32).notNullable();
    table.string('last_success_at', 32).notNullable();
    table.primary(['scope', 'source', 'region']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('aws_accounts_sync_state');
  await knex.schema.dropTable('aws_accounts_findings');
  await knex.schema.dropTable('aws_accounts_snapshots');
  await knex.schema.dropTable('aws_accounts_accounts');
};
