"""bilat: a bilateral-relations knowledge graph (news in English and Russian to RDF)."""
__version__ = "0.1.0"
