import { addOverride, listOverrides, removeOverride } from '../db/repos/overrides';
import { listProducts, productFilterOptions, readColumnChoice, writeColumnChoice } from '../db/repos/products-read';
import { productChart } from '../products/chart';
import { productDetail } from '../products/detail';
import { whatIf } from '../products/what-if';
import { defineHandlers } from '../router';
import type { HandlerContext } from './context';

export const productHandlers = defineHandlers<HandlerContext>('products', {
  'products.list': (input, { app }) => listProducts(app.db, input),
  'products.filterOptions': (_input, { app }) => productFilterOptions(app.db),
  'products.columns.get': (_input, { app }) => readColumnChoice(app.db),
  'products.columns.set': (input, { app }) => writeColumnChoice(app.db, input),
  'products.detail': (input, { app }) => productDetail(app.db, input.id),
  'products.chart': (input, { app }) => productChart(app.db, input.id, input.locationId),
  'products.whatIf': (input, { app }) => whatIf(app.db, input),
  'products.overrides.list': (input, { app }) => listOverrides(app.db, input.productId),
  'products.overrides.add': (input, { app }) => {
    const created = addOverride(app.db, input);
    app.emit('workspace.changed', { reason: 'override' });
    return created;
  },
  'products.overrides.remove': (input, { app }) => {
    removeOverride(app.db, input.id);
    app.emit('workspace.changed', { reason: 'override' });
    return { ok: true as const };
  },
});
