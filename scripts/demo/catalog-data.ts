/**
 * The demo shop's catalogue as hand-written data: Harbour Lane Provisions, a deli and
 * café-grocery on an English harbour front with a small wholesale side supplying local
 * cafés, restaurants and holiday lets. Prices are shelf prices in pounds, VAT included.
 *
 * Phone numbers are from Ofcom's ranges reserved for drama (01632 960xxx), emails are on
 * example.co.uk: plausible, never real.
 */
import type { Category, DemandTier, Season, SupplierSpec } from './types';

export const SUPPLIERS: SupplierSpec[] = [
  { name: 'Quayside Bakehouse', leadTimeDays: 2, minOrderValueCents: 4_000, email: 'orders.quayside@example.co.uk', phone: '01632 960101',
    orderWeekdays: [0, 1, 2, 3, 4, 5], everyNWeeks: 1, lateProbability: 0.01, maxDelayDays: 1 },
  { name: 'Westcountry Dairy Co.', leadTimeDays: 3, minOrderValueCents: 15_000, email: 'trade@westcountrydairy.example.co.uk', phone: '01632 960245',
    orderWeekdays: [0, 3], everyNWeeks: 1, lateProbability: 0.03, maxDelayDays: 2 },
  { name: 'Tidewater Coffee Roasters', leadTimeDays: 5, minOrderValueCents: 12_000, email: 'wholesale@tidewatercoffee.example.co.uk', phone: '01632 960378',
    orderWeekdays: [1], everyNWeeks: 1, lateProbability: 0.05, maxDelayDays: 3 },
  { name: 'Brakewell Wholesale', leadTimeDays: 7, minOrderValueCents: 25_000, email: 'orders@brakewell-wholesale.example.co.uk', phone: '01632 960412',
    orderWeekdays: [2], everyNWeeks: 1, lateProbability: 0.08, maxDelayDays: 4 },
  { name: 'Fenwick & Hart Fine Foods', leadTimeDays: 14, minOrderValueCents: 30_000, email: 'accounts@fenwickhart.example.co.uk', phone: '01632 960587',
    orderWeekdays: [0], everyNWeeks: 2, lateProbability: 0.12, maxDelayDays: 6 },
];

export interface ProductEntry {
  name: string;
  /** Shelf price in pounds, as written on the label. */
  price: string;
  tier: DemandTier;
  /** Mean units a day (overrides the tier's random draw); for seasonal-only items, the peak rate. */
  rate?: number;
  seasons?: Season[];
  growth?: number;
  casePack?: number;
  moq?: number;
  shelfLifeDays?: number | null;
  supplier?: string;
  leadTimeDays?: number;
  /** A new product: first on sale this many days before the end of the history. */
  launchDaysBeforeEnd?: number;
  /** A product that stopped selling: demand fades between the two dates; ordering stops at the third. */
  discontinued?: { fadeStart: string; fadeEnd: string; stopOrdering: string };
  forecastBias?: number;
  weather?: number;
  lumpSize?: number;
}

export interface CategorySpec {
  category: Category;
  skuPrefix: string;
  supplier: string;
  /** UK VAT: most food is zero-rated; confectionery, crisps, soft drinks and household goods are 20%. */
  vatRate: number;
  /** Gross margin on the net (ex-VAT) price. */
  marginRange: [number, number];
  casePacks: number[];
  /** Typical best-before periods to choose from; null = does not go off. */
  shelfLifeDays: number[] | null;
  /** Extra trade in the summer tourist season (harbour town). */
  tourism: number;
  /** Extra trade in the run-up to Christmas. */
  christmasLift: number;
  weekdaySensitivity: number;
  products: ProductEntry[];
}

const summer = (amplitude: number): Season => ({ kind: 'summer', amplitude });
const winter = (amplitude: number): Season => ({ kind: 'winter', amplitude });
const xmas = (amplitude: number): Season => ({ kind: 'christmasLift', amplitude });
const christmasOnly: Season = { kind: 'christmasOnly' };
const easterOnly = (leadDays: number): Season => ({ kind: 'easterOnly', leadDays });

function p(name: string, price: string, tier: DemandTier, extra: Omit<ProductEntry, 'name' | 'price' | 'tier'> = {}): ProductEntry {
  return { name, price, tier, ...extra };
}

const TIDEWATER = 'Tidewater Coffee Roasters';
const BRAKEWELL = 'Brakewell Wholesale';
const FENWICK = 'Fenwick & Hart Fine Foods';
const DAIRY = 'Westcountry Dairy Co.';

export const CATEGORY_SPECS: CategorySpec[] = [
  {
    category: 'Coffee & Tea', skuPrefix: 'COF', supplier: BRAKEWELL, vatRate: 0, marginRange: [0.38, 0.5], casePacks: [6, 12],
    shelfLifeDays: [270, 365, 540], tourism: 0.15, christmasLift: 0.6, weekdaySensitivity: 0.8,
    products: [
      p('House Blend Coffee Beans 250g', '7.50', 'fast', { rate: 7, supplier: TIDEWATER, casePack: 6, shelfLifeDays: 120, growth: 0.06 }),
      p('House Blend Coffee Beans 1kg', '24.00', 'slow', { rate: 0.35, supplier: TIDEWATER, casePack: 1, moq: 2, shelfLifeDays: 120 }),
      p('Harbour Espresso Beans 250g', '7.95', 'medium', { supplier: TIDEWATER, casePack: 6, shelfLifeDays: 120 }),
      p('Harbour Espresso Beans 1kg', '26.00', 'slow', { rate: 0.2, supplier: TIDEWATER, casePack: 1, moq: 2, shelfLifeDays: 120 }),
      p('Swiss Water Decaf Beans 250g', '8.25', 'slow', { supplier: TIDEWATER, casePack: 6, shelfLifeDays: 120 }),
      p('Swiss Water Decaf Beans 1kg', '27.50', 'slow', { rate: 0.12, supplier: TIDEWATER, casePack: 1, shelfLifeDays: 120 }),
      p('Colombia Huila Single Origin 250g', '8.95', 'slow', { supplier: TIDEWATER, casePack: 6, shelfLifeDays: 120 }),
      p('Ethiopia Yirgacheffe Single Origin 250g', '9.50', 'medium', { rate: 1.4, supplier: TIDEWATER, casePack: 6, shelfLifeDays: 120 }),
      p('Brazil Cerrado Single Origin 250g', '8.50', 'slow', { supplier: TIDEWATER, casePack: 6, shelfLifeDays: 120 }),
      p('Guatemala Antigua Single Origin 250g', '9.25', 'slow', { supplier: TIDEWATER, casePack: 6, shelfLifeDays: 120, growth: -0.2 }),
      p('House Blend Ground Coffee 227g', '6.95', 'medium', { supplier: TIDEWATER, casePack: 6, shelfLifeDays: 120 }),
      p('Cafetière Grind Ground Coffee 227g', '6.95', 'slow', { supplier: TIDEWATER, casePack: 6, shelfLifeDays: 120 }),
      p('English Breakfast Tea 80 Bags', '4.25', 'medium'),
      p('English Breakfast Tea Catering 240 Bags', '9.50', 'slow', { rate: 0.15, casePack: 6 }),
      p('Earl Grey Loose Leaf 125g', '5.95', 'slow'),
      p('Assam Loose Leaf 125g', '5.50', 'slow'),
      p('Darjeeling Loose Leaf 100g', '7.25', 'slow', { supplier: FENWICK }),
      p('Sencha Green Tea 20 Pyramids', '4.75', 'slow'),
      p('Peppermint Tea 20 Pyramids', '3.95', 'slow', { seasons: [winter(0.3)] }),
      p('Chamomile & Honey Tea 20 Bags', '3.75', 'slow', { seasons: [winter(0.4)] }),
      p('Rooibos Tea 40 Bags', '3.95', 'slow'),
      p('Masala Chai Loose Leaf 100g', '6.50', 'slow', { seasons: [winter(0.6)], growth: 0.15 }),
      p('Fine Drinking Chocolate 300g', '5.95', 'medium', { seasons: [winter(1.4)] }),
      p('Drinking Chocolate Catering 1kg', '14.50', 'lumpy', { seasons: [winter(1.2)], casePack: 6 }),
      p('Vanilla Coffee Syrup 1L', '8.95', 'lumpy', { casePack: 6 }),
      p('Caramel Coffee Syrup 1L', '8.95', 'lumpy', { casePack: 6 }),
      p('Hazelnut Coffee Syrup 1L', '8.95', 'lumpy', { casePack: 6 }),
      p('Turmeric Latte Blend 200g', '6.95', 'medium', { rate: 1.6, casePack: 6,
        moq: 12,
        discontinued: { fadeStart: '2025-07-01', fadeEnd: '2026-03-31', stopOrdering: '2026-02-20' }, forecastBias: 1.45 }),
      p('Paper Coffee Filters No.4 x80', '2.25', 'slow', { casePack: 12, shelfLifeDays: null }),
      p('Ceremonial Matcha Powder 30g', '12.50', 'slow', { supplier: FENWICK, growth: 0.35 }),
    ],
  },
  {
    category: 'Bakery', skuPrefix: 'BAK', supplier: 'Quayside Bakehouse', vatRate: 0, marginRange: [0.42, 0.55], casePacks: [1],
    shelfLifeDays: [2, 3], tourism: 0.35, christmasLift: 0.2, weekdaySensitivity: 1.15,
    products: [
      p('White Sourdough Loaf 800g', '4.20', 'fast', { rate: 12 }),
      p('Seeded Rye Loaf 600g', '4.50', 'medium'),
      p('Wholemeal Tin Loaf 800g', '4.00', 'medium', { growth: -0.05 }),
      p('French Baguette', '1.95', 'fast', { rate: 9, shelfLifeDays: 1 }),
      p('Butter Croissant', '1.90', 'fast', { rate: 14, shelfLifeDays: 2 }),
      p('Pain au Chocolat', '2.10', 'fast', { rate: 10, shelfLifeDays: 2 }),
      p('Almond Croissant', '2.60', 'medium', { shelfLifeDays: 2 }),
      p('Cinnamon Bun', '2.75', 'fast', { rate: 6, growth: 0.12 }),
      p('Cardamom Knot', '2.85', 'medium', { growth: 0.25 }),
      p('Chocolate Brownie', '2.95', 'medium', { shelfLifeDays: 5 }),
      p('Lemon Drizzle Slice', '2.75', 'medium', { shelfLifeDays: 4 }),
      p('Carrot Cake Slice', '3.25', 'medium', { shelfLifeDays: 4 }),
      p("Millionaire's Shortbread", '2.95', 'medium', { shelfLifeDays: 7 }),
      p('Oat Flapjack', '2.50', 'medium', { shelfLifeDays: 7 }),
      p('Fruit Scone', '2.20', 'medium', { seasons: [summer(0.5)] }),
      p('Cheese Scone', '2.40', 'medium'),
      p('Sausage Roll', '3.25', 'fast', { rate: 8 }),
      p('Cornish Pasty', '4.75', 'fast', { rate: 9, seasons: [summer(0.4)] }),
      p('Spinach & Feta Pasty', '4.50', 'medium', { growth: 0.1 }),
      p('Rosemary & Sea Salt Focaccia', '4.80', 'medium'),
      p('Hot Cross Buns x4', '3.20', 'fast', { rate: 14, seasons: [easterOnly(35)], shelfLifeDays: 4 }),
      p('Mince Pies x6', '4.50', 'fast', { rate: 12, seasons: [christmasOnly], shelfLifeDays: 14 }),
      p('Stollen Loaf 500g', '8.95', 'medium', { rate: 4, seasons: [christmasOnly], shelfLifeDays: 35 }),
      p('Victoria Sponge Whole', '14.00', 'slow', { rate: 0.5, shelfLifeDays: 3 }),
      p('Pistachio Cruffin', '3.40', 'medium', { rate: 4, launchDaysBeforeEnd: 23, shelfLifeDays: 2 }),
    ],
  },
  {
    category: 'Dairy & Chilled', skuPrefix: 'DAI', supplier: DAIRY, vatRate: 0, marginRange: [0.25, 0.38], casePacks: [6, 12],
    shelfLifeDays: [10, 14], tourism: 0.2, christmasLift: 0.6, weekdaySensitivity: 0.9,
    products: [
      p('Whole Milk 1L', '1.35', 'fast', { rate: 10, growth: -0.12, casePack: 12 }),
      p('Semi-Skimmed Milk 1L', '1.30', 'fast', { rate: 8, casePack: 12 }),
      p('Whole Milk 2L', '2.20', 'medium', { casePack: 8 }),
      p('Barista Oat Drink 1L', '2.40', 'fast', { rate: 6, growth: 0.4, casePack: 12, shelfLifeDays: 180 }),
      p('Unsweetened Almond Drink 1L', '2.25', 'medium', { casePack: 8, shelfLifeDays: 180 }),
      p('Free-Range Eggs x6', '2.95', 'fast', { rate: 7, shelfLifeDays: 28, casePack: 15 }),
      p('Free-Range Eggs x12', '5.25', 'medium', { shelfLifeDays: 28, casePack: 8 }),
      p('Salted Butter 250g', '3.10', 'medium', { shelfLifeDays: 60, seasons: [xmas(0.5)] }),
      p('Unsalted Butter 250g', '3.10', 'slow', { shelfLifeDays: 60, seasons: [xmas(0.8)] }),
      p('Double Cream 300ml', '2.10', 'medium', { seasons: [xmas(1.5)] }),
      p('Cornish Clotted Cream 227g', '3.45', 'medium', { seasons: [summer(1.2)] }),
      p('Greek Yoghurt 500g', '2.95', 'medium', { shelfLifeDays: 21 }),
      p('Natural Yoghurt 500g', '2.10', 'slow', { shelfLifeDays: 21 }),
      p('Mature Cheddar 200g', '3.95', 'fast', { rate: 5, shelfLifeDays: 45 }),
      p('Extra Mature Cheddar 200g', '4.25', 'medium', { shelfLifeDays: 45, seasons: [xmas(1.0)] }),
      p('Cornish Yarg 150g', '4.95', 'medium', { shelfLifeDays: 30, seasons: [xmas(1.0)] }),
      p('Blue Stilton 200g', '4.75', 'medium', { shelfLifeDays: 30, seasons: [xmas(3.0)] }),
      p('Somerset Brie 200g', '4.50', 'medium', { shelfLifeDays: 21, seasons: [xmas(1.5)] }),
      p("Goat's Cheese Log 125g", '3.60', 'slow', { shelfLifeDays: 21 }),
      p('Halloumi 225g', '3.50', 'medium', { shelfLifeDays: 60, seasons: [summer(1.5)], weather: 0.3 }),
      p('Parmigiano Reggiano 150g', '5.25', 'slow', { shelfLifeDays: 90, supplier: FENWICK, casePack: 6 }),
      p('Smoked Ham 100g', '3.25', 'medium'),
      p('Chorizo Ring 200g', '4.25', 'slow', { shelfLifeDays: 60, supplier: FENWICK, casePack: 6 }),
      p('Prosciutto 80g', '3.95', 'slow', { shelfLifeDays: 30, supplier: FENWICK, casePack: 6 }),
      p('Classic Houmous 200g', '2.45', 'medium', { seasons: [summer(0.5)] }),
      p('Fresh Basil Pesto 140g', '3.25', 'slow'),
      p('Smoked Mackerel Fillets 200g', '3.50', 'slow', { shelfLifeDays: 14 }),
      p('Scottish Smoked Salmon 100g', '5.95', 'medium', { shelfLifeDays: 21, seasons: [xmas(4.0)] }),
      p('Kalamata Olives 200g', '3.75', 'medium', { shelfLifeDays: 60, seasons: [summer(0.5)] }),
      p('Oat Yoghurt Alternative 400g', '2.75', 'medium', { rate: 2.2, launchDaysBeforeEnd: 44, shelfLifeDays: 30 }),
    ],
  },
  {
    category: 'Pantry', skuPrefix: 'PAN', supplier: BRAKEWELL, vatRate: 0, marginRange: [0.28, 0.42], casePacks: [6, 12],
    shelfLifeDays: null, tourism: 0.1, christmasLift: 0.5, weekdaySensitivity: 0.7,
    products: [
      p('Spaghetti 500g', '1.85', 'medium', { casePack: 12 }),
      p('Penne Rigate 500g', '1.85', 'medium', { casePack: 12 }),
      p('Fusilli 500g', '1.85', 'slow', { casePack: 12 }),
      p('Bronze-Die Rigatoni 500g', '3.25', 'slow', { supplier: FENWICK }),
      p('Arborio Risotto Rice 1kg', '3.40', 'slow'),
      p('Basmati Rice 1kg', '3.20', 'medium'),
      p('Chopped Tomatoes 400g', '0.95', 'fast', { rate: 6, casePack: 24 }),
      p('Passata 500g', '1.35', 'medium', { casePack: 12 }),
      p('Chickpeas 400g', '0.95', 'medium', { casePack: 24 }),
      p('Cannellini Beans 400g', '1.05', 'slow', { casePack: 24 }),
      p('Red Lentils 500g', '1.95', 'slow', { seasons: [winter(0.4)] }),
      p('Extra Virgin Olive Oil 500ml', '8.50', 'medium'),
      p('Cold-Pressed Rapeseed Oil 500ml', '4.50', 'slow'),
      p('Aged Balsamic Vinegar 250ml', '7.95', 'slow', { supplier: FENWICK }),
      p('Cider Vinegar 500ml', '2.75', 'slow'),
      p('Wildflower Honey 340g', '6.25', 'medium', { growth: 0.08 }),
      p('Strawberry Jam 340g', '3.50', 'medium', { seasons: [summer(0.4)] }),
      p('Raspberry Jam 340g', '3.50', 'slow'),
      p('Seville Orange Marmalade 340g', '3.75', 'slow'),
      p('Lemon Curd 320g', '3.45', 'slow'),
      p('Crunchy Peanut Butter 340g', '3.95', 'medium'),
      p('Smooth Peanut Butter 340g', '3.95', 'slow'),
      p('Porridge Oats 1kg', '2.40', 'medium', { seasons: [winter(0.8)] }),
      p('Honey & Almond Granola 500g', '5.50', 'medium', { growth: 0.1 }),
      p('Plain Flour 1.5kg', '1.60', 'slow', { seasons: [xmas(1.5)] }),
      p('Strong Bread Flour 1.5kg', '2.10', 'slow', { growth: -0.15 }),
      p('Golden Caster Sugar 1kg', '2.20', 'slow', { seasons: [xmas(1.5)] }),
      p('Cornish Sea Salt Flakes 250g', '3.25', 'slow'),
      p('Black Peppercorns 50g', '2.95', 'slow'),
      p('Smoked Paprika 50g', '2.75', 'slow'),
      p('Ground Cumin 40g', '2.25', 'slow'),
      p('Dried Oregano 15g', '1.95', 'slow'),
      p('Chilli Flakes 40g', '2.10', 'slow'),
      p('Spanish Saffron Threads 0.4g', '6.95', 'lumpy', { supplier: FENWICK }),
      p('Vegetable Stock Cubes x8', '1.60', 'slow', { seasons: [winter(0.5)] }),
      p('Tomato Ketchup 460g', '2.85', 'slow', { seasons: [summer(0.6)] }),
      p('English Mustard 180g', '2.10', 'slow'),
      p('Free-Range Mayonnaise 400g', '2.95', 'slow', { seasons: [summer(0.6)] }),
      p('Caramelised Onion Chutney 300g', '3.95', 'medium', { seasons: [xmas(2.5)] }),
      p('Piccalilli 300g', '3.50', 'slow', { seasons: [xmas(1.5)] }),
      p('Sea Salt Oatcakes 200g', '2.60', 'medium', { seasons: [xmas(1.5)] }),
      p('Water Biscuits for Cheese 200g', '2.75', 'medium', { seasons: [xmas(2.5)] }),
      p('Black Truffle Oil 100ml', '9.95', 'lumpy', { supplier: FENWICK, seasons: [xmas(1.5)] }),
      p('Pesto alla Genovese Jar 190g', '3.25', 'slow'),
      p('Coconut Milk 400ml', '1.65', 'slow', { casePack: 12 }),
      p('Sourdough Crackers 150g', '3.45', 'medium', { rate: 1.5, launchDaysBeforeEnd: 150 }),
    ],
  },
  {
    category: 'Snacks', skuPrefix: 'SNK', supplier: BRAKEWELL, vatRate: 0.2, marginRange: [0.35, 0.45], casePacks: [12, 24],
    shelfLifeDays: [120, 180, 270], tourism: 0.35, christmasLift: 0.4, weekdaySensitivity: 1.0,
    products: [
      p('Sea Salt Crisps 40g', '1.20', 'fast', { rate: 6, casePack: 24, seasons: [summer(0.6)] }),
      p('Cheese & Onion Crisps 40g', '1.20', 'medium', { casePack: 24, seasons: [summer(0.5)] }),
      p('Salt & Vinegar Crisps 40g', '1.20', 'medium', { casePack: 24, seasons: [summer(0.5)] }),
      p('Sweet Chilli Crisps 40g', '1.20', 'slow', { casePack: 24 }),
      p('Sea Salt Crisps Sharing 150g', '2.95', 'medium', { casePack: 12, seasons: [summer(1.0)], weather: 0.2 }),
      p('Hand-Cooked Vegetable Crisps 100g', '2.75', 'slow'),
      p('Salted Peanuts 200g', '2.20', 'slow'),
      p('Smoked Almonds 100g', '3.25', 'slow', { seasons: [xmas(1.0)] }),
      p('Milk Chocolate Bar 100g', '2.40', 'medium'),
      p('Dark Chocolate 70% Bar 100g', '2.60', 'medium'),
      p('Sea Salt Caramel Chocolate Bar 100g', '2.80', 'medium', { growth: 0.1 }),
      p('Orange Dark Chocolate Bar 100g', '2.60', 'slow', { seasons: [xmas(1.0)] }),
      p('Miso Caramel Chocolate Bar 100g', '3.10', 'medium', { rate: 2.5, launchDaysBeforeEnd: 12 }),
      p('All-Butter Shortbread Fingers 150g', '2.95', 'medium', { seasons: [xmas(1.0)] }),
      p('Stem Ginger Biscuits 200g', '1.95', 'slow'),
      p('Chocolate Digestives 300g', '2.10', 'medium'),
      p('Wrapped Oat Flapjack Bar', '1.60', 'medium', { casePack: 24 }),
      p('Peanut Protein Bar 55g', '1.95', 'slow', { growth: -0.25, casePack: 24 }),
      p('Cornish Clotted Cream Fudge 150g', '3.25', 'medium', { seasons: [summer(1.5)] }),
      p('Sweet & Salty Popcorn 80g', '1.75', 'slow'),
      p('Liquorice Allsorts 200g', '2.25', 'slow', { growth: -0.1 }),
      p('Lightly Salted Rice Cakes 130g', '1.45', 'slow'),
      p('Dried Apricots 200g', '2.95', 'slow'),
      p('Fruit & Nut Trail Mix 200g', '3.10', 'slow', { seasons: [summer(0.5)] }),
    ],
  },
  {
    category: 'Drinks', skuPrefix: 'DRK', supplier: BRAKEWELL, vatRate: 0.2, marginRange: [0.38, 0.5], casePacks: [12, 24],
    shelfLifeDays: [270, 365], tourism: 0.4, christmasLift: 0.3, weekdaySensitivity: 1.05,
    products: [
      p('Still Spring Water 500ml', '0.95', 'fast', { rate: 6, casePack: 24, seasons: [summer(1.8)], weather: 0.35 }),
      p('Sparkling Spring Water 500ml', '0.95', 'medium', { casePack: 24, seasons: [summer(1.2)], weather: 0.3 }),
      p('Sparkling Water 750ml Glass', '1.95', 'slow', { casePack: 12 }),
      p('Cloudy Lemonade 275ml', '1.85', 'medium', { casePack: 24, seasons: [summer(2.0)], weather: 0.35 }),
      p('Elderflower Pressé 275ml', '1.85', 'medium', { casePack: 24, seasons: [summer(2.0)], weather: 0.35 }),
      p('Ginger Beer 275ml', '1.85', 'medium', { casePack: 24, seasons: [summer(1.5)], weather: 0.3 }),
      p('Blood Orange Soda 330ml', '1.75', 'medium', { casePack: 24, seasons: [summer(1.5)], weather: 0.3 }),
      p('Cola 330ml Can', '1.20', 'medium', { casePack: 24, growth: -0.2, seasons: [summer(1.0)], weather: 0.25 }),
      p('Diet Cola 330ml Can', '1.20', 'medium', { casePack: 24, seasons: [summer(1.0)], weather: 0.25 }),
      p('Freshly Squeezed Orange Juice 1L', '3.75', 'medium', { supplier: DAIRY, casePack: 6, shelfLifeDays: 10 }),
      p('Cloudy Apple Juice 1L', '3.25', 'medium', { casePack: 6 }),
      p('Apple & Rhubarb Juice 750ml', '3.50', 'slow', { casePack: 6 }),
      p('Ginger Kombucha 330ml', '2.75', 'medium', { casePack: 12, growth: 0.5, shelfLifeDays: 120 }),
      p('Raspberry Kombucha 330ml', '2.75', 'slow', { casePack: 12, growth: 0.45, shelfLifeDays: 120 }),
      p('Cold Brew Coffee Can 250ml', '2.95', 'medium', { supplier: TIDEWATER, casePack: 12, seasons: [summer(2.2)], weather: 0.35, growth: 0.2 }),
      p('Iced Oat Latte 250ml', '2.85', 'slow', { casePack: 12, seasons: [summer(2.0)], weather: 0.3 }),
      p('Coconut Water 330ml', '2.25', 'slow', { casePack: 12, seasons: [summer(1.0)] }),
      p('Yuzu Sparkling Water 330ml', '1.95', 'medium', { rate: 3, casePack: 24, launchDaysBeforeEnd: 37 }),
      p('Energy Drink 250ml', '1.65', 'slow', { casePack: 24, growth: -0.25 }),
      p('Elderflower Cordial 500ml', '4.25', 'slow', { casePack: 6, seasons: [summer(1.5)] }),
      p('Alcohol-Free Pale Ale 330ml', '1.95', 'slow', { casePack: 24, growth: 0.3, seasons: [summer(1.0), xmas(1.0)] }),
    ],
  },
  {
    category: 'Household', skuPrefix: 'HOU', supplier: BRAKEWELL, vatRate: 0.2, marginRange: [0.3, 0.42], casePacks: [6, 12],
    shelfLifeDays: null, tourism: 0.05, christmasLift: 0.1, weekdaySensitivity: 0.3,
    products: [
      p('Eco Washing-Up Liquid 500ml', '2.95', 'medium'),
      p('Kitchen Roll x2', '2.60', 'medium'),
      p('Toilet Tissue x4', '3.20', 'medium'),
      p('Compostable Bin Bags x20', '3.50', 'slow'),
      p('Non-Bio Laundry Liquid 1L', '6.50', 'slow'),
      p('Multi-Surface Cleaner 500ml', '3.25', 'slow'),
      p('Kitchen Sponges x3', '1.75', 'slow'),
      p('Beeswax Food Wraps x3', '12.50', 'lumpy', { casePack: 6 }),
      p('AA Batteries x4', '4.50', 'slow', { seasons: [xmas(2.0)] }),
      p('AAA Batteries x4', '4.50', 'lumpy', { seasons: [xmas(2.0)] }),
      p('Safety Matches x10 Boxes', '1.50', 'slow', { seasons: [winter(0.8)] }),
      p('Tealights x20', '3.50', 'slow', { seasons: [winter(0.8), xmas(1.5)] }),
      p('LED Bulb E27 60W', '3.95', 'lumpy'),
      p('Aluminium Foil 10m', '2.25', 'slow', { seasons: [xmas(2.0)] }),
      p('Cling Film 30m', '2.10', 'slow'),
      p('Baking Parchment 10m', '2.40', 'slow', { seasons: [xmas(1.5)] }),
      p('Reusable Coffee Cup 340ml', '9.95', 'lumpy', { casePack: 6, supplier: TIDEWATER }),
      p('Hand Soap Refill 500ml', '3.75', 'slow'),
      p('Firelighters x28', '2.95', 'slow', { seasons: [winter(2.0)] }),
      p('Kiln-Dried Kindling Bag', '4.50', 'slow', { seasons: [winter(2.5)] }),
    ],
  },
  {
    category: 'Gifts', skuPrefix: 'GFT', supplier: FENWICK, vatRate: 0.2, marginRange: [0.45, 0.55], casePacks: [4, 6],
    shelfLifeDays: null, tourism: 0.3, christmasLift: 4.0, weekdaySensitivity: 1.3,
    products: [
      p('Harbour Lane Hamper Small', '35.00', 'lumpy', { casePack: 2, lumpSize: 1.3 }),
      p('Harbour Lane Hamper Large', '65.00', 'lumpy', { casePack: 1, lumpSize: 1.1 }),
      p('Luxury Chocolate Truffles 200g', '12.50', 'slow', { shelfLifeDays: 180 }),
      p('Salted Caramel Truffles 150g', '9.95', 'slow', { shelfLifeDays: 180 }),
      p('Tea Gift Tin Selection', '14.95', 'slow'),
      p("Coffee Lover's Gift Set", '24.00', 'lumpy', { supplier: TIDEWATER, casePack: 4, lumpSize: 1.2 }),
      p('Harbour Lane Ceramic Mug', '11.00', 'slow', { seasons: [summer(0.6)] }),
      p('Harbour Lane Canvas Tote Bag', '8.50', 'slow', { seasons: [summer(1.5)] }),
      p('Sea Salt & Driftwood Candle', '18.00', 'slow'),
      p('Greetings Card', '2.95', 'medium', { rate: 1.4, casePack: 12 }),
      p('Olive Oil & Balsamic Gift Set', '19.50', 'lumpy', { lumpSize: 1.2 }),
      p('Cornish Sea Salt Gift Jar', '7.50', 'slow', { seasons: [summer(1.0)] }),
      p('Christmas Crackers x6', '15.00', 'medium', { rate: 3, seasons: [christmasOnly] }),
      p('Chocolate Advent Calendar', '12.00', 'medium', { rate: 2.5, seasons: [christmasOnly] }),
      p('Christmas Pudding 454g', '9.50', 'medium', { rate: 3, seasons: [christmasOnly] }),
      p('Panettone 750g', '16.50', 'medium', { rate: 2.5, seasons: [christmasOnly], shelfLifeDays: 150 }),
      p('Milk Chocolate Easter Egg 150g', '8.50', 'medium', { rate: 4, seasons: [easterOnly(42)], shelfLifeDays: 270 }),
      p('Chocolate Easter Bunny 100g', '4.95', 'medium', { rate: 3, seasons: [easterOnly(35)], shelfLifeDays: 270 }),
      p('Jute Picnic Blanket', '24.00', 'lumpy', { seasons: [summer(2.0)], lumpSize: 1.1 }),
      p('All-Butter Shortbread Gift Tin 400g', '11.50', 'slow'),
      p('Clotted Cream Fudge Gift Box 250g', '7.95', 'slow', { seasons: [summer(1.0)] }),
      p('Sea Glass Photo Frame', '16.00', 'lumpy'),
    ],
  },
];
