import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { mockAwsAccountsApi } from '../../__testUtils__/fixtures';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { AwsOrganizationalUnitPicker } from './AwsOrganizationalUnitPicker';
import { AwsServiceCatalogProductPicker } from './AwsServiceCatalogProductPicker';
import {
  validateOrganizationalUnitId,
  validateServiceCatalogProductId,
} from './fieldValidation';

function fieldProps<T>(
  overrides: Partial<FieldExtensionComponentProps<string, T>>,
): FieldExtensionComponentProps<string, T> {
  return {
    onChange: jest.fn(),
    onBlur: jest.fn(),
    onFocus: jest.fn(),
    schema: { title: 'Organizational unit' },
    uiSchema: {},
    idSchema: { $id: 'root_ou' },
    formData: undefined,
    rawErrors: [],
    required: true,
    disabled: false,
    readonly: false,
    name: 'ou',
    registry: {},
    ...overrides,
  } as FieldExtensionComponentProps<string, T>;
}

describe('AwsOrganizationalUnitPicker', () => {
  it('offers the enrolled units under the configured parent', async () => {
    const api = mockAwsAccountsApi();
    api.listOrganizationalUnits.mockResolvedValue([
      {
        id: 'ou-sra0-prod0001',
        name: 'Prod',
        path: 'Root/Workloads/Prod',
        parentId: 'ou-sra0-workloads',
        enrolled: true,
      },
      {
        id: 'ou-sra0-dev00001',
        name: 'Dev',
        path: 'Root/Workloads/Dev',
        parentId: 'ou-sra0-workloads',
        enrolled: true,
      },
      {
        id: 'ou-sra0-legacy01',
        name: 'Legacy',
        path: 'Root/Legacy',
        parentId: 'r-sra0',
        enrolled: false,
      },
    ]);
    const props = fieldProps<{ parent?: string }>({
      uiSchema: { 'ui:options': { parent: 'ou-sra0-workloads' } },
    });

    await renderWithApi(<AwsOrganizationalUnitPicker {...props} />, { api });

    const select = await screen.findByLabelText(/Organizational unit/);
    expect(api.listOrganizationalUnits).toHaveBeenCalledWith({
      parent: 'ou-sra0-workloads',
    });
    expect(
      screen.getByRole('option', {
        name: 'Root/Workloads/Dev (ou-sra0-dev00001)',
      }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('option', { name: /Legacy/ }),
    ).not.toBeInTheDocument();

    await userEvent.selectOptions(select, 'ou-sra0-prod0001');
    expect(props.onChange).toHaveBeenCalledWith('ou-sra0-prod0001');
  });

  it('shows why the units could not be loaded', async () => {
    const api = mockAwsAccountsApi();
    api.listOrganizationalUnits.mockRejectedValue(
      new Error('Organizations is throttling'),
    );

    await renderWithApi(<AwsOrganizationalUnitPicker {...fieldProps({})} />, {
      api,
    });

    expect(
      await screen.findByText(
        'Could not load the choices: Organizations is throttling',
      ),
    ).toBeInTheDocument();
  });
});

describe('AwsServiceCatalogProductPicker', () => {
  it('offers the products and shows validation errors', async () => {
    const api = mockAwsAccountsApi();
    api.listServiceCatalogProducts.mockResolvedValue([
      { id: 'prod-sra0accfactry', name: 'AWS Control Tower Account Factory' },
    ]);
    const props = fieldProps({
      schema: { title: 'Product' },
      rawErrors: ['pick a product'],
    });

    await renderWithApi(<AwsServiceCatalogProductPicker {...props} />, { api });

    const select = await screen.findByLabelText(/Product/);
    expect(screen.getByText('pick a product')).toBeInTheDocument();
    await userEvent.selectOptions(select, 'prod-sra0accfactry');
    await waitFor(() =>
      expect(props.onChange).toHaveBeenCalledWith('prod-sra0accfactry'),
    );
  });
});

describe('field validation', () => {
  const validation = () => ({ addError: jest.fn(), __errors: [] });

  it.each([['ou-sra0-prod0001'], ['ou-ab12-cd34ef56gh']])(
    'accepts the organizational unit id %s',
    id => {
      const field = validation();
      validateOrganizationalUnitId(id, field);
      expect(field.addError).not.toHaveBeenCalled();
    },
  );

  it.each([
    ['Workloads'],
    ['ou-SRA0-prod0001'],
    ['r-sra0'],
    ['ou-sr-prod0001'],
  ])('rejects %s as an organizational unit id', id => {
    const field = validation();
    validateOrganizationalUnitId(id, field);
    expect(field.addError).toHaveBeenCalledWith(
      expect.stringContaining('is not an organizational unit id'),
    );
  });

  it('checks product ids', () => {
    const good = validation();
    validateServiceCatalogProductId('prod-sra0accfactry', good);
    expect(good.addError).not.toHaveBeenCalled();

    const bad = validation();
    validateServiceCatalogProductId('prod-short', bad);
    expect(bad.addError).toHaveBeenCalledWith(
      expect.stringContaining('is not a Service Catalog product id'),
    );
  });
});
