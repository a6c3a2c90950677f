package io.policyengine.model;

/**
 * The state the goods come back in. The defaults describe goods returned as sold.
 *
 * @param forceMajeure the damage was caused by force majeure (contract 12.5, factory-warranty P5); other packs ignore it
 */
public record Condition(Packaging packaging, boolean accessoriesComplete, boolean warrantyCard,
                        boolean usageTraces, boolean customerDamage, boolean forceMajeure) {

    public static final Condition AS_SOLD = new Condition(Packaging.INTACT, true, true, false, false, false);

    public Condition {
        if (packaging == null) packaging = Packaging.INTACT;
    }

    public Condition(Packaging packaging, boolean accessoriesComplete, boolean warrantyCard,
                     boolean usageTraces, boolean customerDamage) {
        this(packaging, accessoriesComplete, warrantyCard, usageTraces, customerDamage, false);
    }

    public Condition withPackaging(Packaging value) {
        return new Condition(value, accessoriesComplete, warrantyCard, usageTraces, customerDamage, forceMajeure);
    }

    public Condition withAccessoriesComplete(boolean value) {
        return new Condition(packaging, value, warrantyCard, usageTraces, customerDamage, forceMajeure);
    }

    public Condition withWarrantyCard(boolean value) {
        return new Condition(packaging, accessoriesComplete, value, usageTraces, customerDamage, forceMajeure);
    }

    public Condition withUsageTraces(boolean value) {
        return new Condition(packaging, accessoriesComplete, warrantyCard, value, customerDamage, forceMajeure);
    }

    public Condition withCustomerDamage(boolean value) {
        return new Condition(packaging, accessoriesComplete, warrantyCard, usageTraces, value, forceMajeure);
    }

    public Condition withForceMajeure(boolean value) {
        return new Condition(packaging, accessoriesComplete, warrantyCard, usageTraces, customerDamage, value);
    }
}
