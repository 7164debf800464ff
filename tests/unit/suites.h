/* The Check suites of hpcacct, one per module, run by main.c. */
#ifndef HPCACCT_TEST_SUITES_H
#define HPCACCT_TEST_SUITES_H

#include <check.h>

Suite *timeutil_suite(void);
Suite *sacct_fields_suite(void);
Suite *sacct_suite(void);
Suite *pbs_fields_suite(void);
Suite *k8s_suite(void);
Suite *swf_suite(void);
Suite *store_suite(void);
Suite *render_suite(void);
Suite *stats_suite(void);
Suite *pipe_suite(void);
Suite *slurmdbd_suite(void);

#endif
