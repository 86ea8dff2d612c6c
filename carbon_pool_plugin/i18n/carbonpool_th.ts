<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th">
  <context>
    <name>CarbonPool</name>
    <message>
      <location filename="../../carbon_pool_plugin/plugin.py" line="45" />
      <source>Carbon Pool</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/plugin.py" line="47" />
      <source>Carbon Pool algorithms…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="240" />
      <source>Chave et al. 2014 Eq. 6a (needs E)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="275" />
      <source>Choose one database per project; it is recorded in the output.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="81" />
      <source>Computes above-ground biomass (AGB), below-ground biomass (BGB), carbon and CO2 equivalent for every tree of a field inventory, using the central equation library (T-VER Ogawa/Tsutsumi/Komiyama, palms, bamboo, lianas, Chave, Brown) and the species wood-density table (species → genus → family → stand → dataset fallback).

The input can be any table or layer (GeoPackage, Shapefile, CSV, XLSX). DBH may be given in cm or mm, or as girth (circumference at 1.30 m). Rows that cannot be used are kept with empty carbon and a flag (DBH_MISSING, DBH_INVALID, SPECIES_UNMATCHED, …); the input is never modified. Every output row is stamped with the method pack and the equation used.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/qgis_io.py" line="136" />
      <source>Could not write features to the output.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="194" />
      <source>Custom (method file)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="207" />
      <source>Custom method pack (JSON)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="122" />
      <source>DBH or girth field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="131" />
      <source>DBH unit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="133" />
      <source>Diameter in cm</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="134" />
      <source>Diameter in mm</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="255" />
      <source>Environmental stress E (Chave 2014)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="213" />
      <source>Equation</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="295" />
      <source>Equation pack version</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="279" />
      <source>Every input field plus agb_kg, bgb_kg, biomass_kg, carbon_kg, co2e_kg, wd, wd_level, height_m, height_source, equation_id, method and flags.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="239" />
      <source>Feldpausch et al. 2012 (South-East Asia)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/qgis_io.py" line="50" />
      <source>Field “{field}” does not exist in the input layer (fields: {fields}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="199" />
      <source>Fixes carbon fraction, root:shoot ratio, default equations and minimum DBH. Its id and version are stamped on every output row.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="135" />
      <source>Girth (circumference) in cm</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="136" />
      <source>Girth (circumference) in m</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="140" />
      <source>Girth is converted once to diameter: D = girth / π.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="271" />
      <source>Global Wood Density Database v1 (2009)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="270" />
      <source>Global Wood Density Database v2 (2026)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="152" />
      <source>Height field (m)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="236" />
      <source>Height model for missing heights</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="193" />
      <source>IPCC 2019</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="97" />
      <source>Layer or table with one row per tree (GPKG, SHP, CSV, XLSX).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="165" />
      <source>Life form field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="238" />
      <source>Local H–D model fitted on measured trees</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="189" />
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="293" />
      <source>Method pack</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="422" />
      <source>Method {m} {v}; equation library {e}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="144" />
      <source>Multi-stem field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="260" />
      <source>Needed by Chave 2014 Eq. 7 and Eq. 6a; read it from the Chave E raster for your site.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="241" />
      <source>None</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="287" />
      <source>Number of flagged trees</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="286" />
      <source>Number of trees</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="181" />
      <source>Open-grown field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="228" />
      <source>Optional CSV with the same columns as the bundled library; expressions are parsed safely (never executed as code).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="161" />
      <source>Optional measured wood density; overrides the species table.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="174" />
      <source>Optional plot identifier; used for stand-level wood-density fallback and copied to the output for plot carbon.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="153" />
      <source>Optional total tree height in metres; missing heights are modelled as set by Height model. Equations that need no height never require it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="182" />
      <source>Optional yes/no (or crown light exposure 4–5): the i-Tree method multiplies the biomass of open-grown urban trees by 0.8.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="145" />
      <source>Optional: several stem diameters/girths in one cell ("45;30"), same unit as DBH; combined by quadratic mean √Σd².</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="166" />
      <source>Optional: tree, palm, bamboo, liana, mangrove; otherwise taken from the species table.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="173" />
      <source>Plot id field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="361" />
      <source>Read {n} trees; fields used: {fields}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="115" />
      <source>Scientific or Thai species name; matched to the species table (synonyms, genus, family).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="114" />
      <source>Species field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="418" />
      <source>Species not found in the species table: {list}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="123" />
      <source>Stem diameter or girth at 1.30 m; its unit is set by DBH unit. Text, zero and negative values are flagged DBH_INVALID.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="191" />
      <source>T-VER (TGO)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="337" />
      <source>The Custom method pack needs a method file (JSON).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="246" />
      <source>The local model (log-log, Michaelis–Menten or Weibull, best by RSE) falls back to Feldpausch when too few trees have heights. The source of each height is recorded in height_source.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="288" />
      <source>Total AGB (t)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="290" />
      <source>Total CO2e (t)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="289" />
      <source>Total carbon (tC)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="78" />
      <source>Tree biomass and carbon</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="95" />
      <source>Tree inventory</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="277" />
      <source>Trees with biomass and carbon</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="404" />
      <source>Trees: {n}; flagged: {f}; AGB {agb:.3f} t; carbon {c:.3f} tC; {co2:.3f} tCO2e</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="346" />
      <source>Unknown equation “{eq}”. Known ids: {ids}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/provider.py" line="26" />
      <source>Urban Carbon Pool</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/provider.py" line="29" />
      <source>Urban Carbon Pool {version}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="211" />
      <source>Used when Method pack is Custom.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="223" />
      <source>User equation pack (CSV)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="268" />
      <source>Wood density database</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="160" />
      <source>Wood density field (g/cm³)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="192" />
      <source>i-Tree compatible</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="215" />
      <source>“auto” picks the equation by species and life form from the method pack; or give an equation id from the library (e.g. chave2014_eq4).</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
