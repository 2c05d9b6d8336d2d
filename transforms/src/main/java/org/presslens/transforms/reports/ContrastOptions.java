package org.presslens.transforms.reports;

import java.io.Serializable;

/**
 * Settings of the outlet contrasts and their concordance.
 *
 * @param minCount a term is tested when its count in target plus reference reaches this
 * @param priorScale weight of the corpus-wide Dirichlet prior of the weighted log-odds, in corpora
 * @param pairs also compare every outlet with every other outlet, not only with the rest
 * @param kwicTerms distinctive terms per outlet that get concordance lines
 * @param kwicLines concordance lines per outlet and term at most
 * @param kwicWindow words of context on each side
 */
public record ContrastOptions(long minCount, double priorScale, boolean pairs, int kwicTerms, int kwicLines, int kwicWindow)
    implements Serializable {}
