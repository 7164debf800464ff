/*
 * Kubernetes value grammars: resource quantities ("500m", "1.5Gi", "1e9")
 * and RFC 3339 timestamps ("2026-11-02T15:33:10Z").
 */
#ifndef HPCACCT_K8S_FIELDS_H
#define HPCACCT_K8S_FIELDS_H

#include <stddef.h>
#include <stdint.h>

/*
 * Parse a quantity in the whole grammar of k8s.io/apimachinery: a signed
 * decimal number, then a binary suffix (Ki Mi Gi Ti Pi Ei), a decimal
 * suffix (n u m k M G T P E, or none) or an exponent (e3, E-2).  Sets
 * *value in base units (cores, bytes, devices).  Returns 0, or -1 for text
 * outside the grammar.
 */
int k8s_parse_quantity(const char *s, size_t len, double *value);

/*
 * Parse an RFC 3339 time ("...Z", "...+02:00", fractional seconds allowed
 * and dropped) into UTC epoch seconds.  Returns 0 or -1.
 */
int k8s_parse_time(const char *s, size_t len, int64_t *epoch);

#endif
