/* Unit tests: PBS and TORQUE accounting grammars. */
#include "config.h"

#include <string.h>

#include "parsers/pbs-fields.h"
#include "suites.h"

#define MAX_ATTRS 32

struct attrs {
	char key[MAX_ATTRS][48], value[MAX_ATTRS][96];
	int n, rc;
};

static void
tokenize(const char *msg, struct attrs *out)
{
	struct pbs_attr a;
	size_t pos = 0;

	memset(out, 0, sizeof(*out));
	while ((out->rc = pbs_next_attr(msg, strlen(msg), &pos, &a)) == 1) {
		ck_assert_int_lt(out->n, MAX_ATTRS);
		memcpy(out->key[out->n], a.key, a.key_len);
		memcpy(out->value[out->n], a.value, a.value_len);
		out->n++;
	}
}

START_TEST(test_tokenizer_pbs_pro_quotes)
{
	struct attrs t;

	tokenize("user=anon group=g account=\"acct one\" jobname='say \"hi\"' "
	    "queue=workq Resource_List.select=5:ncpus=13 end=1", &t);
	ck_assert_int_eq(t.rc, 0);
	ck_assert_int_eq(t.n, 7);
	ck_assert_str_eq(t.key[2], "account");
	ck_assert_str_eq(t.value[2], "acct one");
	ck_assert_str_eq(t.value[3], "say \"hi\"");
	ck_assert_str_eq(t.key[5], "Resource_List.select");
	ck_assert_str_eq(t.value[5], "5:ncpus=13");
	ck_assert_str_eq(t.value[6], "1");
}
END_TEST

START_TEST(test_tokenizer_torque_spaces)
{
	struct attrs t;

	tokenize("user=u jobname=sim run 7 queue=batch "
	    "Resource_Request_2.0=-L tasks=1:lprocs=8:memory=4gb "
	    "total_execution_slots=8 exec_host=n1/0-7 comment=a b c=d", &t);
	ck_assert_int_eq(t.n, 7);
	ck_assert_str_eq(t.value[1], "sim run 7");
	ck_assert_str_eq(t.key[3], "Resource_Request_2.0");
	ck_assert_str_eq(t.value[3], "-L tasks=1:lprocs=8:memory=4gb");
	ck_assert_str_eq(t.value[4], "8");
	ck_assert_str_eq(t.value[6], "a b c=d");
}
END_TEST

START_TEST(test_tokenizer_edges)
{
	struct attrs t;

	tokenize("", &t);
	ck_assert_int_eq(t.n, 0);
	ck_assert_int_eq(t.rc, 0);
	tokenize("alt_id= end=5", &t);	/* empty value */
	ck_assert_int_eq(t.n, 2);
	ck_assert_str_eq(t.value[0], "");
	ck_assert_str_eq(t.value[1], "5");
	tokenize("user=a jobname=\"unclosed", &t);
	ck_assert_int_eq(t.n, 1);
	ck_assert_int_eq(t.rc, -1);
	tokenize("=x", &t);
	ck_assert_int_eq(t.rc, -1);
	ck_assert(pbs_known_key("resources_used.cput", 19));
	ck_assert(pbs_known_key("unique_node_count", 17));
	ck_assert(!pbs_known_key("tasks", 5));
	ck_assert(!pbs_known_key("lprocs", 6));
}
END_TEST

START_TEST(test_line_and_jobid)
{
	struct pbs_line l;
	struct pbs_jobid id;
	const char *rec = "11/09/2014 23:59:51;E;6464684.anonhost;user=a";

	ck_assert_int_eq(pbs_parse_line(rec, strlen(rec), &l), 0);
	ck_assert_int_eq(l.year, 2014);
	ck_assert_int_eq(l.month, 11);
	ck_assert_int_eq(l.sec, 51);
	ck_assert_int_eq(l.type, 'E');
	ck_assert_uint_eq(l.job_id_len, 16);
	ck_assert_uint_eq(l.message_len, 6);
	ck_assert_int_eq(pbs_parse_line("11/09/2014 23:59:51;E", 21, &l), -1);
	ck_assert_int_eq(pbs_parse_line("13/09/2014 23:59:51;E;1;x", 25, &l),
	    -1);
	ck_assert_int_eq(pbs_parse_jobid("2994.pbs", 8, &id), 0);
	ck_assert_int_eq(id.array_index, -1);
	ck_assert_uint_eq(id.server_len, 3);
	ck_assert_int_eq(pbs_parse_jobid("1234[5].srv", 11, &id), 0);
	ck_assert_int_eq(id.array_index, 5);
	ck_assert_uint_eq(id.number_len, 4);
	ck_assert_int_eq(pbs_parse_jobid("1234[].srv", 10, &id), 0);
	ck_assert(id.is_array_parent);
	/* brackets in a host name are not an array index */
	ck_assert_int_eq(pbs_parse_jobid("3073070.[hostname_1]", 20, &id), 0);
	ck_assert_int_eq(id.array_index, -1);
	ck_assert(!id.is_array_parent);
	ck_assert_uint_eq(id.server_len, 12);
	ck_assert_int_eq(pbs_parse_jobid("license", 7, &id), -1);
	ck_assert_int_eq(pbs_parse_jobid("12[x].s", 7, &id), -1);
}
END_TEST

static int64_t
size(const char *s)
{
	int64_t kb = -1;

	ck_assert_int_eq(pbs_parse_size(s, strlen(s), &kb), 0);
	return kb;
}

START_TEST(test_sizes)
{
	int64_t kb;

	ck_assert_int_eq(size("664kb"), 664);
	ck_assert_int_eq(size("0b"), 0);
	ck_assert_int_eq(size("2048b"), 2);
	ck_assert_int_eq(size("2gb"), 2097152);
	ck_assert_int_eq(size("1993mb"), 2040832);
	ck_assert_int_eq(size("12.27M"), 12564);
	ck_assert_int_eq(size("100"), 100);	/* bare: KB */
	ck_assert_int_eq(size("128w"), 1);	/* words of 8 bytes */
	ck_assert_int_eq(size("1kw"), 8);
	ck_assert_int_eq(size("1TB"), 1073741824);
	ck_assert_int_eq(pbs_parse_size("", 0, &kb), -1);
	ck_assert_int_eq(pbs_parse_size("lots", 4, &kb), -1);
	ck_assert_int_eq(pbs_parse_size("5xb", 3, &kb), -1);
	ck_assert_int_eq(pbs_parse_size("5kbb", 4, &kb), -1);
}
END_TEST

static void
exec_host(const char *s, int64_t slots, int64_t hosts)
{
	int64_t got_slots, got_hosts;

	ck_assert_int_eq(pbs_parse_exec_host(s, strlen(s), &got_slots,
	    &got_hosts), 0);
	ck_assert_int_eq(got_slots, slots);
	ck_assert_int_eq(got_hosts, hosts);
}

START_TEST(test_exec_host)
{
	int64_t a, b;

	exec_host("n404/2+n404/3+n404/4+n404/5", 4, 1);
	exec_host("n1/0-3", 4, 1);
	exec_host("n1/0,2", 2, 1);
	exec_host("n1/0-3,8+n2/0", 6, 2);
	exec_host("c1/0*13+c2/0*13+c3/0*13+c4/0*13+c5/0*13", 65, 5);
	exec_host("c1/0", 1, 1);
	ck_assert_int_eq(pbs_parse_exec_host("host/0*0", 8, &a, &b), -1);
	ck_assert_int_eq(pbs_parse_exec_host("host", 4, &a, &b), -1);
	ck_assert_int_eq(pbs_parse_exec_host("/0", 2, &a, &b), -1);
	ck_assert_int_eq(pbs_parse_exec_host("n1/3-1", 6, &a, &b), -1);
	ck_assert_int_eq(pbs_parse_exec_host("", 0, &a, &b), -1);
}
END_TEST

START_TEST(test_exec_vnode_and_nodes)
{
	const char *v = "(c1:ncpus=13:ngpus=1)+(c2:ncpus=13)";
	int64_t cpus, gpus, nodes, procs;

	ck_assert_int_eq(pbs_parse_exec_vnode(v, strlen(v), &cpus, &gpus), 0);
	ck_assert_int_eq(cpus, 26);
	ck_assert_int_eq(gpus, 1);
	ck_assert_int_eq(pbs_parse_exec_vnode("c1:ncpus=1", 10, &cpus, &gpus),
	    -1);
	ck_assert_int_eq(pbs_parse_nodes("2:ppn=4:gpus=2", 14, &nodes, &procs,
	    &gpus), 0);
	ck_assert_int_eq(nodes, 2);
	ck_assert_int_eq(procs, 8);
	ck_assert_int_eq(gpus, 4);
	ck_assert_int_eq(pbs_parse_nodes("1:ppn=4:avx", 11, &nodes, &procs,
	    &gpus), 0);
	ck_assert_int_eq(procs, 4);
	ck_assert_int_eq(gpus, 0);
	ck_assert_int_eq(pbs_parse_nodes("n1:ppn=2+n2:ppn=6", 17, &nodes,
	    &procs, &gpus), 0);
	ck_assert_int_eq(nodes, 2);
	ck_assert_int_eq(procs, 8);
	ck_assert_int_eq(pbs_parse_nodes("3", 1, &nodes, &procs, &gpus), 0);
	ck_assert_int_eq(procs, 3);
	ck_assert_int_eq(pbs_parse_nodes("0:ppn=2", 7, &nodes, &procs, &gpus),
	    -1);
	ck_assert_int_eq(pbs_parse_nodes(":ppn=2", 6, &nodes, &procs, &gpus),
	    -1);
}
END_TEST

START_TEST(test_exit_status)
{
	struct pbs_exit e;

	pbs_decode_exit(0, PBS_PRO, &e);
	ck_assert_str_eq(e.state, "COMPLETED");
	ck_assert_int_eq(e.swf_status, 1);
	pbs_decode_exit(1, PBS_TORQUE, &e);
	ck_assert_str_eq(e.state, "FAILED");
	ck_assert_int_eq(e.swf_status, 0);
	pbs_decode_exit(271, PBS_PRO, &e);
	ck_assert_str_eq(e.state, "FAILED");
	ck_assert_int_eq(e.signal, 15);
	pbs_decode_exit(-29, PBS_PRO, &e);
	ck_assert_str_eq(e.state, "TIMEOUT");
	pbs_decode_exit(-11, PBS_PRO, &e);
	ck_assert_str_eq(e.state, "REQUEUED");
	pbs_decode_exit(-27, PBS_PRO, &e);
	ck_assert_str_eq(e.state, "OUT_OF_MEMORY");
	pbs_decode_exit(-11, PBS_TORQUE, &e);
	ck_assert_str_eq(e.state, "TIMEOUT");
	pbs_decode_exit(-10, PBS_TORQUE, &e);
	ck_assert_str_eq(e.state, "OUT_OF_MEMORY");
	pbs_decode_exit(-12, PBS_TORQUE, &e);
	ck_assert_str_eq(e.state, "FAILED");
	pbs_decode_exit(-29, PBS_TORQUE, &e);
	ck_assert_str_eq(e.state, "FAILED");
}
END_TEST

Suite *
pbs_fields_suite(void)
{
	Suite *s = suite_create("pbs-fields");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_tokenizer_pbs_pro_quotes);
	tcase_add_test(tc, test_tokenizer_torque_spaces);
	tcase_add_test(tc, test_tokenizer_edges);
	tcase_add_test(tc, test_line_and_jobid);
	tcase_add_test(tc, test_sizes);
	tcase_add_test(tc, test_exec_host);
	tcase_add_test(tc, test_exec_vnode_and_nodes);
	tcase_add_test(tc, test_exit_status);
	suite_add_tcase(s, tc);
	return s;
}
