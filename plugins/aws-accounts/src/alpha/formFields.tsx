import {
  createFormField,
  FormFieldBlueprint,
} from '@backstage/plugin-scaffolder-react/alpha';

/**
 * Scaffolder field `AwsOrganizationalUnitPicker`.
 *
 * @alpha
 */
export const awsOrganizationalUnitPickerFormField = FormFieldBlueprint.make({
  name: 'organizational-unit-picker',
  params: {
    field: async () => {
      const [
        { AwsOrganizationalUnitPicker },
        { validateOrganizationalUnitId },
      ] = await Promise.all([
        import('../components/ScaffolderFields/AwsOrganizationalUnitPicker'),
        import('../components/ScaffolderFields/fieldValidation'),
      ]);
      return createFormField({
        name: 'AwsOrganizationalUnitPicker',
        component: AwsOrganizationalUnitPicker,
        validation: validateOrganizationalUnitId,
      });
    },
  },
});

/**
 * Scaffolder field `AwsServiceCatalogProductPicker`.
 *
 * @alpha
 */
export const awsServiceCatalogProductPickerFormField = FormFieldBlueprint.make({
  name: 'service-catalog-product-picker',
  params: {
    field: async () => {
      const [
        { AwsServiceCatalogProductPicker },
        { validateServiceCatalogProductId },
      ] = await Promise.all([
        import('../components/ScaffolderFields/AwsServiceCatalogProductPicker'),
        import('../components/ScaffolderFields/fieldValidation'),
      ]);
      return createFormField({
        name: 'AwsServiceCatalogProductPicker',
        component: AwsServiceCatalogProductPicker,
        validation: validateServiceCatalogProductId,
      });
    },
  },
});
