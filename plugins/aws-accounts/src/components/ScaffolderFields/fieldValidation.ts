import { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import {
  ORGANIZATIONAL_UNIT_ID_PATTERN,
  SERVICE_CATALOG_PRODUCT_ID_PATTERN,
} from '@sra-backstage/plugin-aws-accounts-common';

type FieldValidation = Parameters<CustomFieldValidator<string>>[1];

/**
 * Rejects a value that is not an organizational unit id, with the same
 * pattern the vending actions check on the backend.
 *
 * @public
 */
export function validateOrganizationalUnitId(
  value: string | undefined,
  validation: FieldValidation,
) {
  if (value && !ORGANIZATIONAL_UNIT_ID_PATTERN.test(value)) {
    validation.addError(
      `"${value}" is not an organizational unit id; pick one from the list (ids look like ou-ab12-cd34ef56).`,
    );
  }
}

/**
 * Rejects a value that is not a Service Catalog product id.
 *
 * @public
 */
export function validateServiceCatalogProductId(
  value: string | undefined,
  validation: FieldValidation,
) {
  if (value && !SERVICE_CATALOG_PRODUCT_ID_PATTERN.test(value)) {
    validation.addError(
      `"${value}" is not a Service Catalog product id; pick one from the list (ids look like prod-abcdefghijklm).`,
    );
  }
}
