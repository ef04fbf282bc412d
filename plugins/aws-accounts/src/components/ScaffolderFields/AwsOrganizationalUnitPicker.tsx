import { useApi } from '@backstage/frontend-plugin-api';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import useAsync from 'react-use/esm/useAsync';
import { awsAccountsApiRef } from '../../api';
import { PickerField } from './PickerField';

/**
 * Options of the organizational unit picker.
 *
 * @public
 */
export interface AwsOrganizationalUnitPickerUiOptions {
  /** Only units below this organizational unit (id) are offered. */
  parent?: string;
}

/**
 * Scaffolder field: an organizational unit enrolled in Control Tower, below
 * the parent named in `ui:options`. Its value is the unit's id.
 *
 * @public
 */
export function AwsOrganizationalUnitPicker(
  props: FieldExtensionComponentProps<
    string,
    AwsOrganizationalUnitPickerUiOptions
  >,
) {
  const { formData, onChange, schema, uiSchema, idSchema, rawErrors } = props;
  const parent = uiSchema['ui:options']?.parent;
  const api = useApi(awsAccountsApiRef);
  const units = useAsync(
    () => api.listOrganizationalUnits({ parent }),
    [api, parent],
  );

  const options = (units.value ?? [])
    .filter(unit => unit.enrolled)
    .map(unit => ({ value: unit.id, label: `${unit.path} (${unit.id})` }));

  return (
    <PickerField
      id={idSchema?.$id ?? 'aws-organizational-unit'}
      label={schema.title ?? 'Organizational unit'}
      description={schema.description}
      required={props.required}
      disabled={props.disabled}
      value={formData ?? ''}
      options={options}
      loading={units.loading}
      loadError={units.error}
      rawErrors={rawErrors}
      onChange={onChange}
    />
  );
}
