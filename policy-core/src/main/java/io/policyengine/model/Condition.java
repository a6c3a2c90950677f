package io.policyengine.model;

/** The state the goods come back in. The defaults describe goods returned as sold. */
public record Condition(Packaging packaging, boolean accessoriesComplete, boolean warrantyCard,
                        boolean usageTraces, boolean customerDamage) {

    public static final Condition AS_SOLD = new Condition(Packaging.INTACT, true, true, false, false);

    public Condition {
        if (packaging == null) packaging = Packaging.INTACT;
    }

    public Condition withPackaging(Packaging value) {
        return new Condition(value, accessoriesComplete, warrantyCard, usageTraces, customerDamage);
    }

    public Condition withAccessoriesComplete(boolean value) {
        return new Condition(packaging, value, warrantyCard, usageTraces, customerDamage);
    }

    public Condition withWarrantyCard(boolean value) {
        return new Condition(packaging, accessoriesComplete, value, usageTraces, customerDamage);
    }

    public Condition withUsageTraces(boolean value) {
        return new Condition(packaging, accessoriesComplete, warrantyCard, value, customerDamage);
    }

    public Condition withCustomerDamage(boolean value) {
        return new Condition(packaging, accessoriesComplete, warrantyCard, usageTraces, value);
    }
}
