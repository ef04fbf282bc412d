import { useApi } from '@backstage/frontend-plugin-api';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import useAsync from 'react-use/esm/useAsync';
import { awsAccountsApiRef } from '../../api';
import { PickerField } from './PickerField';

/**
 * Scaffolder field: a Service Catalog product of the management account,
 * such as Account Factory. Its value is the product id.
 *
 * @public
 */
export function AwsServiceCatalogProductPicker(
  props: FieldExtensionComponentProps<string>,
) {
  const { formData, onChange, schema, idSchema, rawErrors } = props;
  const api = useApi(awsAccountsApiRef);
  const products = useAsync(() => api.listServiceCatalogProducts(), [api]);

  const options = (products.value ?? []).map(product => ({
    value: product.id,
    label: `${product.name} (${product.id})`,
  }));

  return (
    <PickerField
      id={idSchema?.$id ?? 'aws-service-catalog-product'}
      label={schema.title ?? 'Service Catalog product'}
      description={schema.description}
      required={props.required}
      disabled={props.disabled}
      value={formData ?? ''}
      options={options}
      loading={products.loading}
      loadError={products.error}
      rawErrors={rawErrors}
      onChange={onChange}
    />
  );
}
