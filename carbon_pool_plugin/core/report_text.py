"""Bilingual (Thai / English) message catalog for the municipal carbon report.

The report language is a parameter of ``carbonpool:carbonreport`` and is independent of the QGIS
user-interface locale, so the report's own words live here (not in the Qt ``.ts`` files). Every
key has both languages; ``tests/unit/test_report_model.py`` checks it. Placeholders use
``str.format`` names and must be the same in both languages.
"""

from __future__ import annotations

from typing import Dict

LANGUAGES = ("th", "en")

MONTHS_TH = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

CATALOG: Dict[str, Dict[str, str]] = {
    # --- cover --------------------------------------------------------------------------------
    "report_title": {
        "th": "รายงานการประเมินการกักเก็บคาร์บอนในพื้นที่สีเขียวเมือง",
        "en": "Urban Green-Space Carbon Assessment Report",
    },
    "report_subtitle": {
        "th": "ปริมาณคาร์บอนที่กักเก็บในต้นไม้ พื้นที่สีเขียว และค่าความไม่แน่นอน",
        "en": "Carbon stored in trees and green space, with its uncertainty",
    },
    "key_figure": {
        "th": "ปริมาณคาร์บอนที่กักเก็บทั้งหมด",
        "en": "Total carbon stock",
    },
    "generated_on": {"th": "จัดทำเมื่อ {date}", "en": "Generated on {date}"},
    "prepared_with": {
        "th": "จัดทำด้วยปลั๊กอิน QGIS Urban Carbon Pool รุ่น {version}",
        "en": "Prepared with the QGIS plugin Urban Carbon Pool {version}",
    },
    "muni_code": {"th": "รหัส อปท.", "en": "Code"},
    "page_of": {"th": "หน้า {page} / {pages}", "en": "Page {page} of {pages}"},
    # --- municipality types -------------------------------------------------------------------
    "type_city_municipality": {"th": "เทศบาลนคร", "en": "City municipality (Thesaban Nakhon)"},
    "type_town_municipality": {"th": "เทศบาลเมือง", "en": "Town municipality (Thesaban Mueang)"},
    "type_subdistrict_municipality": {
        "th": "เทศบาลตำบล",
        "en": "Subdistrict municipality (Thesaban Tambon)",
    },
    "type_sao": {
        "th": "องค์การบริหารส่วนตำบล (อบต.)",
        "en": "Subdistrict Administrative Organisation (SAO)",
    },
    "type_special": {
        "th": "องค์กรปกครองส่วนท้องถิ่นรูปแบบพิเศษ",
        "en": "Special local administration",
    },
    # --- section titles -----------------------------------------------------------------------
    "sec_map": {"th": "แผนที่ความหนาแน่นคาร์บอน", "en": "Carbon density map"},
    "sec_seq_map": {"th": "แผนที่การกักเก็บคาร์บอนรายปี", "en": "Annual sequestration map"},
    "sec_summary": {"th": "สรุปผล", "en": "Summary"},
    "sec_green": {"th": "พื้นที่สีเขียว", "en": "Green area"},
    "sec_stock": {"th": "ปริมาณคาร์บอนที่กักเก็บ", "en": "Carbon stock"},
    "sec_seq": {"th": "การกักเก็บคาร์บอนรายปี", "en": "Annual sequestration"},
    "sec_value": {"th": "มูลค่าคาร์บอน", "en": "Carbon value"},
    "sec_tables": {"th": "ตารางผลรายชั้นภูมิและพื้นที่", "en": "Results by stratum and polygon"},
    "sec_strata": {"th": "ผลการประเมินรายชั้นภูมิ", "en": "Estimate by stratum"},
    "sec_polygons": {
        "th": "พื้นที่สีเขียวขนาดใหญ่ที่สุด {n} แห่ง",
        "en": "The {n} largest green-space polygons",
    },
    "sec_charts": {"th": "แผนภูมิ", "en": "Charts"},
    "sec_methods": {"th": "วิธีการและแหล่งอ้างอิง", "en": "Methods and sources"},
    "sec_classification": {"th": "การจำแนกพื้นที่สีเขียว", "en": "Green-space classification"},
    # --- green area ---------------------------------------------------------------------------
    "boundary_area": {"th": "พื้นที่ทั้งหมดของ อปท.", "en": "Municipal area"},
    "green_area": {"th": "พื้นที่สีเขียว", "en": "Green area"},
    "green_share": {"th": "สัดส่วนพื้นที่สีเขียว", "en": "Green share of the area"},
    "green_target": {
        "th": "เกณฑ์ขั้นต่ำสำหรับ{type}",
        "en": "Minimum for a {type}",
    },
    "meets_target": {"th": "ผ่านเกณฑ์", "en": "meets the criterion"},
    "below_target": {
        "th": "ต่ำกว่าเกณฑ์ (ขาดอีก {gap} ไร่)",
        "en": "below the criterion (short by {gap} rai)",
    },
    "population": {"th": "จำนวนประชากร", "en": "Population"},
    "per_capita": {"th": "พื้นที่สีเขียวต่อคน", "en": "Green area per person"},
    "per_capita_refs": {
        "th": "เกณฑ์อ้างอิง: WHO ขั้นต่ำ 9 ตร.ม./คน; สผ. (ONEP) เป้าหมาย 15 ตร.ม./คน",
        "en": "References: WHO minimum 9 m²/person; ONEP target 15 m²/person",
    },
    "green_criterion_note": {
        "th": "เกณฑ์ที่ 1 สัดส่วนพื้นที่สีเขียวขั้นต่ำ: เทศบาลนคร 15 %, เทศบาลเมือง 20 %, เทศบาลตำบล/อบต. 25 %",
        "en": "Criterion 1 minimum green share: city municipality 15 %, town municipality 20 %, "
        "subdistrict municipality / SAO 25 %",
    },
    # --- units --------------------------------------------------------------------------------
    "u_rai": {"th": "ไร่", "en": "rai"},
    "u_ha": {"th": "เฮกตาร์", "en": "ha"},
    "u_m2_person": {"th": "ตร.ม./คน", "en": "m²/person"},
    "u_persons": {"th": "คน", "en": "persons"},
    "u_tc": {"th": "ตันคาร์บอน (tC)", "en": "tC"},
    "u_tco2e": {"th": "ตันคาร์บอนไดออกไซด์เทียบเท่า (tCO2e)", "en": "tCO2e"},
    "u_tco2e_yr": {"th": "tCO2e ต่อปี", "en": "tCO2e per year"},
    "u_thb": {"th": "บาท", "en": "THB"},
    "u_tc_ha": {"th": "tC/เฮกตาร์", "en": "tC/ha"},
    "u_tco2e_rai": {"th": "tCO2e/ไร่", "en": "tCO2e/rai"},
    "u_pct": {"th": "%", "en": "%"},
    "u_years": {"th": "ปี", "en": "years"},
    # --- stock --------------------------------------------------------------------------------
    "stock_tc": {"th": "คาร์บอนที่กักเก็บ", "en": "Carbon stock"},
    "stock_tco2e": {"th": "คาร์บอนที่กักเก็บ (เทียบเท่า CO2)", "en": "Carbon stock as CO2e"},
    "ci90": {"th": "ช่วงความเชื่อมั่น 90 %", "en": "90 % confidence interval"},
    "ci95": {"th": "ช่วงความเชื่อมั่น 95 %", "en": "95 % confidence interval"},
    "u90": {
        "th": "ความไม่แน่นอน (ครึ่งช่วง 90 % / ค่าเฉลี่ย)",
        "en": "Uncertainty (90 % half-width / mean)",
    },
    "deduction": {
        "th": "ส่วนหักลดตามความไม่แน่นอน (T-VER, ร้อยละของครึ่งช่วงความเชื่อมั่น 90 %)",
        "en": "Uncertainty deduction (T-VER, share of the 90 % half-width)",
    },
    "conservative": {"th": "ค่าแบบอนุรักษ์ (หลังหักลด)", "en": "Conservative value (after deduction)"},
    "mean_density": {"th": "ความหนาแน่นคาร์บอนเฉลี่ย", "en": "Mean carbon density"},
    "n_plots": {"th": "จำนวนแปลงตัวอย่าง", "en": "Sample plots"},
    "n_trees": {"th": "จำนวนต้นไม้ที่วัด", "en": "Trees measured"},
    "range": {"th": "{low} ถึง {high}", "en": "{low} to {high}"},
    # --- sequestration and value --------------------------------------------------------------
    "seq_annual": {"th": "การกักเก็บสุทธิรายปี", "en": "Net annual sequestration"},
    "seq_period": {"th": "ช่วงเวลาที่ประเมิน", "en": "Period"},
    "conservative_seq": {
        "th": "การกักเก็บรายปีแบบอนุรักษ์ (หลังหักลด)",
        "en": "Conservative annual removal (after deduction)",
    },
    "seq_absent": {
        "th": "ไม่มีข้อมูลการเปลี่ยนแปลง (ยังไม่มีการวัดซ้ำ)",
        "en": "No change data (no re-measurement provided)",
    },
    "price": {"th": "ราคาคาร์บอนที่ใช้", "en": "Carbon price used"},
    "price_unit": {"th": "บาท/tCO2e", "en": "THB/tCO2e"},
    "stock_value": {"th": "มูลค่าคาร์บอนที่กักเก็บ", "en": "Value of the carbon stock"},
    "npv": {
        "th": "มูลค่าปัจจุบันของการกักเก็บรายปีตลอด {years} ปี",
        "en": "Present value of annual sequestration over {years} years",
    },
    "npv_params": {
        "th": "อัตราคิดลด {r} % ต่อปี, อัตราเปลี่ยนแปลงราคา c = {c} % ต่อปี",
        "en": "discount rate {r} % per year, price change rate c = {c} % per year",
    },
    "value_absent": {
        "th": "ไม่ได้ระบุราคาคาร์บอน จึงไม่คำนวณมูลค่า",
        "en": "No carbon price given: no value computed",
    },
    "value_note": {
        "th": "มูลค่าเป็นการประมาณเพื่อประกอบการตัดสินใจ ไม่ใช่ราคาคาร์บอนเครดิตที่ซื้อขายได้จริง",
        "en": "Values are indicative, for decision support; they are not tradable carbon credits",
    },
    # --- tables -------------------------------------------------------------------------------
    "col_stratum": {"th": "ชั้นภูมิ", "en": "Stratum"},
    "col_area_rai": {"th": "พื้นที่ (ไร่)", "en": "Area (rai)"},
    "col_n": {"th": "แปลง", "en": "Plots"},
    "col_mean_tc_ha": {"th": "เฉลี่ย tC/เฮกตาร์", "en": "Mean tC/ha"},
    "col_total_tco2e": {"th": "รวม tCO2e", "en": "Total tCO2e"},
    "col_ci95_tco2e": {"th": "ช่วง 95 % (tCO2e)", "en": "95 % CI (tCO2e)"},
    "col_u90": {"th": "U90 %", "en": "U90 %"},
    "col_name": {"th": "ชื่อ/รหัส", "en": "Name / id"},
    "col_class": {"th": "ประเภท", "en": "Class"},
    "col_density": {"th": "tCO2e/ไร่", "en": "tCO2e/rai"},
    "col_co2e": {"th": "tCO2e", "en": "tCO2e"},
    "col_density_source": {"th": "ที่มาของค่า", "en": "Density from"},
    # values of the stock map's density_source column (core.stock_map.polygon_stock)
    "source_stratum": {"th": "ค่าเฉลี่ยชั้นภูมิ", "en": "stratum mean"},
    "source_plots": {"th": "แปลงตัวอย่างในรูปแปลง", "en": "plots in the polygon"},
    "source_no stratum": {"th": "ไม่มีชั้นภูมิ", "en": "no stratum"},
    "source_excluded": {"th": "ไม่นับรวม", "en": "excluded"},
    "source_no estimate": {"th": "ไม่มีค่าประมาณ", "en": "no estimate"},
    "col_citation": {"th": "แหล่งอ้างอิง", "en": "Citation"},
    "all_strata": {"th": "รวมทั้งหมด", "en": "All strata"},
    "unnamed": {"th": "(ไม่มีชื่อ)", "en": "(unnamed)"},
    # --- charts -------------------------------------------------------------------------------
    "chart_by_class": {"th": "คาร์บอนที่กักเก็บแยกตามประเภทพื้นที่", "en": "Carbon stock by class"},
    "chart_dbh": {"th": "การกระจายขนาดเส้นผ่านศูนย์กลาง (DBH)", "en": "DBH distribution"},
    "chart_species": {
        "th": "ชนิดพันธุ์ที่กักเก็บคาร์บอนสูงสุด {n} ชนิด",
        "en": "Top {n} species by carbon",
    },
    "chart_budget": {"th": "องค์ประกอบของความไม่แน่นอน", "en": "Uncertainty (error) budget"},
    "axis_tco2e": {"th": "tCO2e", "en": "tCO2e"},
    "axis_dbh": {"th": "DBH (ซม.)", "en": "DBH (cm)"},
    "axis_trees": {"th": "จำนวนต้น", "en": "Number of trees"},
    "axis_share": {"th": "สัดส่วนของความแปรปรวน (%)", "en": "Share of variance (%)"},
    "chart_absent": {"th": "ไม่มีข้อมูลสำหรับแผนภูมินี้", "en": "No data for this chart"},
    # --- map ----------------------------------------------------------------------------------
    "legend_title": {"th": "คำอธิบายสัญลักษณ์", "en": "Legend"},
    "layer_density_tc_ha": {
        "th": "ความหนาแน่นคาร์บอน (tC/เฮกตาร์)",
        "en": "Carbon density (tC/ha)",
    },
    "layer_density_tco2e_rai": {
        "th": "ความหนาแน่นคาร์บอน (tCO2e/ไร่)",
        "en": "Carbon density (tCO2e/rai)",
    },
    "layer_seq": {"th": "การกักเก็บรายปี (tCO2e/ไร่/ปี)", "en": "Annual sequestration (tCO2e/rai/yr)"},
    "layer_boundary": {"th": "ขอบเขต อปท.", "en": "Municipal boundary"},
    "north": {"th": "ทิศเหนือ", "en": "North"},
    "credits": {
        "th": "ข้อมูล: {muni}; คำนวณ: Urban Carbon Pool {version}; ระบบพิกัด {crs}; {date}",
        "en": "Data: {muni}; computed with Urban Carbon Pool {version}; CRS {crs}; {date}",
    },
    # --- methods ------------------------------------------------------------------------------
    "methods_estimator": {
        "th": "การประมาณค่าแบบสุ่มแบ่งชั้นภูมิ (CDM AR-TOOL14 สมการ 12–17): ค่าเฉลี่ยถ่วงน้ำหนักด้วย"
        "พื้นที่ชั้นภูมิ ความไม่แน่นอนที่ระดับ 90 % (t สองด้าน, df = n − M) และหักลดตาม "
        "T-VER-P-TOOL-01-02",
        "en": "Stratified random sampling estimate (CDM AR-TOOL14 Eq. 12–17): area-weighted mean, "
        "uncertainty at 90 % (two-sided t, df = n − M) and the T-VER-P-TOOL-01-02 deduction",
    },
    "methods_chain": {
        "th": "ต้นไม้: ชีวมวลเหนือดินจากสมการแอลโลเมตรี + ชีวมวลใต้ดิน (R) × สัดส่วนคาร์บอน (CF) "
        "× 44/12 = tCO2e; 1 เฮกตาร์ = 6.25 ไร่",
        "en": "Trees: above-ground biomass from allometry + below-ground biomass (R) × carbon "
        "fraction (CF) × 44/12 = tCO2e; 1 ha = 6.25 rai",
    },
    "methods_value": {
        "th": "มูลค่าปัจจุบัน (สูตรของแบบจำลอง InVEST Carbon): V = Σ_{{t=0}}^{{T−1}} p × ΔC / "
        "((1 + r/100)^t (1 + c/100)^t)",
        "en": "Present value (InVEST Carbon model formula): V = Σ_{{t=0}}^{{T−1}} p × ΔC / "
        "((1 + r/100)^t (1 + c/100)^t)",
    },
    "methods_equations": {"th": "สมการที่ใช้ (จำนวนต้น)", "en": "Equations used (trees)"},
    "methods_packs": {"th": "ชุดวิธีการและชุดสมการ", "en": "Method and equation packs"},
    "methods_method_pack": {"th": "ชุดวิธีการ", "en": "Method pack"},
    "methods_equation_pack": {"th": "ชุดสมการ", "en": "Equation pack"},
    "methods_params": {"th": "พารามิเตอร์", "en": "Parameters"},
    "methods_seed": {"th": "ค่าเริ่มต้นสุ่ม (seed)", "en": "Random seed"},
    "methods_flags": {
        "th": "ข้อสังเกตด้านคุณภาพข้อมูล (จำนวนต้น)",
        "en": "Data-quality flags (trees)",
    },
    "methods_no_flags": {"th": "ไม่พบข้อสังเกต", "en": "No flags"},
    "methods_notes": {"th": "หมายเหตุจากการประมาณค่า", "en": "Estimation notes"},
    "methods_accuracy": {
        "th": "ความถูกต้องของการจำแนก: ความถูกต้องรวม {oa} %, Kappa {kappa}",
        "en": "Classification accuracy: overall {oa} %, kappa {kappa}",
    },
    "methods_absent": {
        "th": "ไม่มีข้อมูลต้นไม้ (ไม่ได้ระบุชั้นข้อมูลต้นไม้)",
        "en": "No tree data (no trees layer given)",
    },
    "missing_input": {
        "th": "ไม่มีข้อมูล: {what}",
        "en": "Not available: {what}",
    },
    "not_available": {"th": "ไม่มีข้อมูล", "en": "not available"},
    "date_label": {"th": "วันที่", "en": "Date"},
}


def text(key: str, lang: str, **values) -> str:
    """The catalog entry ``key`` in ``lang`` (``th``/``en``), formatted with ``values``."""
    entry = CATALOG[key]
    template = entry.get(lang) or entry["en"]
    return template.format(**values) if values else template.replace("{{", "{").replace("}}", "}")
