#!/usr/bin/python3
"""Python clients against a running china-ai-kg server.

Run with Debian's python (/usr/bin/python3), which sees python3-rdflib, python3-sparqlwrapper
and python3-pandas:  KG_ENDPOINT=http://localhost:3030/kg/sparql /usr/bin/python3 test_python_clients.py

- rdflib parses instance IRIs through content negotiation (Turtle, JSON-LD, RDF/XML, N-Triples);
  skipped with a message only if /id/ answers 404 for every IRI tried (linked data not served).
- SPARQLWrapper gets JSON and CSV results; it adds format=/output=/results= parameters of its
  own, which the server must accept (a 400 is reported as such). With its defaults, every return
  format (JSON, XML, CSV, TSV, N3, TURTLE, RDF, RDFXML, JSONLD) works for SELECT, ASK, CONSTRUCT
  and DESCRIBE, by GET and POST, and convert() reads the answer.
- rdflib's SPARQLStore (a Graph over the endpoint) runs each query form.
- pandas.read_csv reads saved queries.
"""
import io
import os
import sys
import unittest
import urllib.error
import urllib.request

import pandas as pd
import rdflib
import warnings
import xml.dom.minidom

import SPARQLWrapper as sparqlwrapper_module
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, JSONLD, N3, RDF, RDFXML, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

ENDPOINT = os.environ.get("KG_ENDPOINT", "http://localhost:3030/kg/sparql")
BASE = ENDPOINT[: -len("/kg/sparql")] if ENDPOINT.endswith("/kg/sparql") else ENDPOINT.rsplit("/", 2)[0]
NS = "https://w3id.org/china-ai-kg/id/"
SLUGS = ["org/baidu", "org/alibaba", "place/china"]


def status(url, accept="*/*"):
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": accept}), timeout=30) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code


def linked_data_missing():
    return all(status(BASE + "/id/" + s, "text/turtle") == 404 for s in SLUGS)


class LinkedData(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if linked_data_missing():
            raise unittest.SkipTest("/id/ answers 404 for every IRI tried (%s): linked data is not served "
                                    "by this server yet" % ", ".join(SLUGS))

    def parse(self, slug, fmt, accept, rdflib_negotiates=True):
        url = BASE + "/id/" + slug
        g = rdflib.Graph()
        if rdflib_negotiates:
            # rdflib's own content negotiation (it sends an Accept header for the format)
            g.parse(url, format=fmt)
        else:
            with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": accept}), timeout=30) as r:
                g.parse(data=r.read(), format=fmt, publicID=url)
        self.assertGreater(len(g), 0, "%s as %s: no triples" % (url, fmt))
        subject = rdflib.URIRef(NS + slug)
        self.assertIn(subject, set(g.subjects()), "%s as %s: nothing about %s" % (url, fmt, subject))
        labels = list(g.objects(subject, rdflib.RDFS.label))
        self.assertTrue(labels, "%s as %s: no rdfs:label" % (url, fmt))
        # and with an explicit Accept header, checking the content type we get back
        req = urllib.request.Request(url, headers={"Accept": accept})
        with urllib.request.urlopen(req, timeout=30) as r:
            ctype = r.headers.get("Content-Type", "")
            body = r.read()
        self.assertTrue(ctype.startswith(accept), "%s Accept %s gave Content-Type %s" % (url, accept, ctype))
        g2 = rdflib.Graph()
        g2.parse(data=body, format=fmt, publicID=url)
        self.assertEqual(len(g), len(g2), "%s: %s by rdflib and by Accept differ" % (url, fmt))
        return g

    def test_turtle(self):
        self.parse("org/baidu", "turtle", "text/turtle")

    def test_jsonld(self):
        self.parse("org/baidu", "json-ld", "application/ld+json")

    def test_rdfxml(self):
        self.parse("org/baidu", "xml", "application/rdf+xml")

    def test_ntriples(self):
        self.parse("org/baidu", "nt", "application/n-triples", rdflib_negotiates=False)

    def test_ntriples_rdflib_negotiation(self):
        # rdflib 6 asks for N-Triples with "Accept: text/plain, */*;q=0.1" (text/plain was
        # N-Triples' media type before RDF 1.1). Reported as a skip, not a failure, when the server
        # answers something else: the contract names application/n-triples only.
        req = urllib.request.Request(BASE + "/id/org/baidu", headers={"Accept": "text/plain, */*;q=0.1"})
        with urllib.request.urlopen(req, timeout=30) as r:
            ctype = r.headers.get("Content-Type", "")
        if not ctype.startswith(("text/plain", "application/n-triples")):
            self.skipTest("KNOWN GAP: rdflib.Graph().parse(url, format='nt') sends Accept 'text/plain, "
                          "*/*;q=0.1' and the server answers %s, not N-Triples" % ctype)
        self.parse("org/baidu", "nt", "application/n-triples")

    def test_formats_agree(self):
        graphs = [self.parse("place/china", f, a) for f, a in
                  [("turtle", "text/turtle"), ("json-ld", "application/ld+json"), ("xml", "application/rdf+xml")]]
        sizes = [len(g) for g in graphs]
        self.assertEqual(len(set(sizes)), 1, "place/china: triples per format differ: %s" % sizes)

    def test_fact_statements_name_their_claims(self):
        # Each fact of an entity comes as an rdf:Statement whose prov:wasDerivedFrom names each claim whose
        # quote states it, and the claim's label comes with it.
        prov = rdflib.Namespace("http://www.w3.org/ns/prov#")
        subject = rdflib.URIRef(NS + "org/minimax")
        if status(BASE + "/id/org/minimax", "text/turtle") == 404:
            self.skipTest("/id/org/minimax is not in this server's data")
        for fmt, accept in [("turtle", "text/turtle"), ("json-ld", "application/ld+json"),
                            ("xml", "application/rdf+xml"), ("nt", "application/n-triples")]:
            url = BASE + "/id/org/minimax"
            with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": accept}), timeout=30) as r:
                g = rdflib.Graph()
                g.parse(data=r.read(), format=fmt, publicID=url)
            derived = [(st, claim) for st in g.subjects(rdflib.RDF.subject, subject)
                       if (st, rdflib.RDF.type, rdflib.RDF.Statement) in g
                       for claim in g.objects(st, prov.wasDerivedFrom)]
            self.assertTrue(derived, "%s as %s: no rdf:Statement with prov:wasDerivedFrom" % (url, fmt))
            for st, claim in derived:
                self.assertTrue(str(claim).startswith(NS + "claim/"), "%s: derived from %s, not a claim" % (fmt, claim))
                self.assertTrue(list(g.objects(claim, rdflib.RDFS.label)), "%s: no label of %s" % (fmt, claim))

    def test_unknown_is_404(self):
        self.assertEqual(status(BASE + "/id/org/no-such-thing-xyz", "text/turtle"), 404)


QUERY = """PREFIX kg: <https://w3id.org/china-ai-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?claim ?label WHERE { ?claim a kg:Claim ; rdfs:label ?label } LIMIT 5"""


class SparqlWrapperClient(unittest.TestCase):
    def run_query(self, fmt, method="GET"):
        sw = SPARQLWrapper(ENDPOINT)
        sw.setQuery(QUERY)
        sw.setReturnFormat(fmt)
        sw.setMethod(method)
        try:
            return sw.query().convert()
        except QueryBadFormed as e:  # SPARQLWrapper's name for an HTTP 400
            self.fail("server answered 400 to SPARQLWrapper's request (%s, %s; it adds format=/output=/"
                      "results= parameters): %s" % (fmt, method, e))

    def check_json(self, res):
        self.assertEqual(res["head"]["vars"], ["claim", "label"])
        rows = res["results"]["bindings"]
        self.assertGreater(len(rows), 0, "no claims")
        self.assertEqual(rows[0]["claim"]["type"], "uri")

    def check_csv(self, res):
        if isinstance(res, bytes):
            res = res.decode("utf-8")
        df = pd.read_csv(io.StringIO(res))
        self.assertEqual(list(df.columns), ["claim", "label"])
        self.assertGreater(len(df), 0)

    def test_json_get(self):
        self.check_json(self.run_query(JSON))

    def test_json_post(self):
        self.check_json(self.run_query(JSON, "POST"))

    def test_csv_get(self):
        self.check_csv(self.run_query(CSV))

    def test_csv_post(self):
        self.check_csv(self.run_query(CSV, "POST"))


FORM_QUERIES = {
    "SELECT": "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
              "SELECT ?s ?label WHERE { ?s rdfs:label ?label } LIMIT 3",
    "ASK": "ASK { ?s ?p ?o }",
    "CONSTRUCT": "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 5",
    "DESCRIBE": "DESCRIBE <%sorg/baidu>" % NS,
}


class SparqlWrapperDefaults(unittest.TestCase):
    """SPARQLWrapper as a notebook user calls it: only setReturnFormat, every format, every form."""

    def test_every_format_and_form(self):
        failures, skipped = [], []
        for fmt in [JSON, XML, CSV, TSV, N3, TURTLE, RDF, RDFXML, JSONLD]:
            for method in ["GET", "POST"]:
                for form, query in FORM_QUERIES.items():
                    sw = SPARQLWrapper(ENDPOINT)
                    try:
                        sw.setReturnFormat(fmt)
                    except ValueError as e:  # 1.8.5 has JSON-LD only with the rdflib-jsonld package
                        skipped.append("%s: %s" % (fmt, e))
                        break
                    sw.setMethod(method)
                    sw.setQuery(query)
                    what = "%s %s %s" % (method, form, fmt)
                    try:
                        with warnings.catch_warnings():
                            warnings.simplefilter("ignore")  # its own "Sending Accept */*" and format notes
                            res = sw.query()
                            converted = res.convert()
                    except Exception as e:
                        failures.append("%s: %s" % (what, str(e).splitlines()[0][:160]))
                        continue
                    if isinstance(converted, (bytes, str)):
                        ok = len(converted) > 0
                    elif isinstance(converted, dict):
                        ok = "boolean" in converted or len(converted["results"]["bindings"]) > 0
                    elif isinstance(converted, xml.dom.minidom.Document):
                        ok = converted.documentElement.tagName == "sparql"
                    elif isinstance(converted, rdflib.Graph):
                        ok = len(converted) > 0
                    else:
                        ok = False
                    if not ok:
                        failures.append("%s: empty or unreadable answer %r" % (what, type(converted)))
        for s in sorted(set(skipped)):
            print("   note: SPARQLWrapper %s: %s" % (sparqlwrapper_module.__version__, s))
        self.assertEqual(failures, [], "%d of SPARQLWrapper's default requests failed:\n%s"
                         % (len(failures), "\n".join(failures)))


class RdflibSparqlStore(unittest.TestCase):
    """rdflib's SPARQLStore with its defaults: a read-only Graph whose queries go to the endpoint."""

    def test_each_form(self):
        g = rdflib.Graph(SPARQLStore(ENDPOINT))
        rows = list(g.query(FORM_QUERIES["SELECT"]))
        self.assertGreater(len(rows), 0)
        self.assertTrue(g.query(FORM_QUERIES["ASK"]).askAnswer)
        self.assertGreater(len(g.query(FORM_QUERIES["CONSTRUCT"]).graph), 0)
        self.assertGreater(len(g.query(FORM_QUERIES["DESCRIBE"]).graph), 0)


class SavedQueries(unittest.TestCase):
    def test_claims_per_source_kind(self):
        df = pd.read_csv(BASE + "/queries/claims-per-source-kind.csv")
        self.assertEqual(list(df.columns), ["source_kind", "claim_kind", "claims"])
        self.assertGreater(len(df), 0)
        self.assertTrue((df["claims"] > 0).all())

    def test_timeline(self):
        df = pd.read_csv(BASE + "/queries/timeline.csv")
        for c in ["date", "year", "what", "label"]:
            self.assertIn(c, df.columns)
        self.assertGreater(len(df), 0)

    def test_claims_about_parameter(self):
        df = pd.read_csv(BASE + "/queries/claims-about.csv?entity=" +
                         urllib.request.quote(NS + "place/china", safe=""))
        self.assertIn("quote", df.columns)
        self.assertGreater(len(df), 0, "no claims about place/china")


if __name__ == "__main__":
    print("endpoint %s, base %s" % (ENDPOINT, BASE))
    if status(BASE + "/$/ping") != 200:
        print("server not reachable at %s/$/ping" % BASE)
        print("0 passed, 1 failed")
        sys.exit(1)
    suite = unittest.defaultTestLoader.loadTestsFromModule(sys.modules[__name__])
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    failed = len(result.failures) + len(result.errors)
    skipped = len(result.skipped)
    passed = result.testsRun - failed - skipped
    print("%d passed, %d failed, %d skipped" % (passed, failed, skipped))
    sys.exit(1 if failed else 0)
