<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th">
  <context>
    <name>CarbonPool</name>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="120" />
      <source>0 keeps the pixel outlines; a positive value simplifies the outlines (topology-preserving). Areas stay the pixel areas.</source>
      <translation>0 คือคงเส้นขอบตามพิกเซลไว้ ค่าที่มากกว่า 0 จะทำให้เส้นขอบเรียบง่ายขึ้น (คงความสัมพันธ์เชิงโทโพโลยี) พื้นที่ยังคงเป็นพื้นที่ของพิกเซล</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="291" />
      <source>0 plot(s) to compute: the plot layer is empty or every plot was left out (abandoned).</source>
      <translation>ไม่มีแปลง (0 plot(s)) ให้คำนวณ: ชั้นข้อมูลแปลงว่างเปล่า หรือทุกแปลงถูกตัดออก (ยกเลิกแปลง)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/models.py" line="48" />
      <source>0 · Workflow models</source>
      <translation>0 · แบบจำลองลำดับขั้นตอนการทำงาน</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/mapping_common.py" line="85" />
      <source>1-based band number of this role in the input raster; 0 keeps the preset (or, with the Custom preset, means the band is absent).</source>
      <translation>หมายเลขแบนด์ (เริ่มนับที่ 1) ของบทบาทนี้ในข้อมูลแรสเตอร์นำเข้า 0 คือใช้ค่าตามชุดค่าที่กำหนดไว้ (หรือเมื่อใช้ชุดค่า Custom หมายถึงไม่มีแบนด์นี้)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/mapping_common.py" line="47" />
      <source>4-band aerial / 10 m stack (B, G, R, NIR; reflectance × 10000)</source>
      <translation>ภาพถ่ายทางอากาศ 4 แบนด์ / ชุดแบนด์ 10 m (B, G, R, NIR; ค่าการสะท้อน × 10000)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="204" />
      <source>400 m² = 0.04 ha circle (i-Tree); 1600 for 40 × 40 m; 10000 for the TGO plot.</source>
      <translation>400 m² = วงกลม 0.04 ha (i-Tree); 1600 สำหรับแปลง 40 × 40 m; 10000 สำหรับแปลงของ TGO</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="186" />
      <source>90 % (T-VER)</source>
      <translation>90 % (T-VER)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="186" />
      <source>95 %</source>
      <translation>95 %</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/dock.py" line="459" />
      <source>95 % interval: {low:,.0f} – {high:,.0f} tCO2e</source>
      <translation>ช่วง 95 %: {low:,.0f} – {high:,.0f} tCO2e</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="301" />
      <source>A live tree whose DBH shrank by more than this is flagged DBH_SHRANK.</source>
      <translation>ต้นไม้ที่ยังมีชีวิตซึ่ง DBH ลดลงมากกว่าค่านี้จะถูกติดเครื่องหมาย DBH_SHRANK</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="229" />
      <source>A minimum DBH needs the dbh_cm field of the trees (or set it to 0).</source>
      <translation>การกำหนด DBH ต่ำสุดต้องใช้ฟิลด์ dbh_cm ของต้นไม้ (หรือกำหนดเป็น 0)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="205" />
      <source>A model written by this algorithm. Files without the plugin's format tag or with inconsistent shapes are refused; nothing is ever unpickled.</source>
      <translation>แบบจำลองที่สร้างโดยอัลกอริทึมนี้ ไฟล์ที่ไม่มีแท็กรูปแบบของปลั๊กอินหรือมีมิติข้อมูลไม่สอดคล้องกันจะถูกปฏิเสธ และจะไม่มีการ unpickle ข้อมูลใด ๆ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/mapping_common.py" line="231" />
      <source>A raster without a coordinate reference system (CRS) is processed with a warning: areas assume its map units are metres and vector layers are not reprojected onto it. A raster without any georeferencing (pixel coordinates only) is refused, since its areas cannot be measured.</source>
      <translation>ราสเตอร์ที่ไม่มีระบบพิกัดอ้างอิง (CRS) จะประมวลผลพร้อมคำเตือน: พื้นที่คำนวณโดยถือว่าหน่วยแผนที่ของราสเตอร์เป็นเมตร และชั้นข้อมูลเวกเตอร์จะไม่ถูกแปลงพิกัดให้ตรงกับราสเตอร์ ราสเตอร์ที่ไม่มีการอ้างอิงพิกัดทางภูมิศาสตร์เลย (มีเพียงพิกัดของพิกเซล) จะถูกปฏิเสธ เพราะวัดพื้นที่ไม่ได้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/mapping_common.py" line="237" />
      <source>A raster without a coordinate reference system (CRS) is processed with a warning: the class areas assume its map units are metres and vector layers are not reprojected onto it.</source>
      <translation>ราสเตอร์ที่ไม่มีระบบพิกัดอ้างอิง (CRS) จะประมวลผลพร้อมคำเตือน: พื้นที่ของแต่ละชั้นคำนวณโดยถือว่าหน่วยแผนที่ของราสเตอร์เป็นเมตร และชั้นข้อมูลเวกเตอร์จะไม่ถูกแปลงพิกัดให้ตรงกับราสเตอร์</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="215" />
      <source>A stratum needs 2 plots for a variance; the choice is logged.</source>
      <translation>ชั้นภูมิหนึ่งต้องมีแปลงอย่างน้อย 2 แปลงจึงจะคำนวณความแปรปรวนได้ ตัวเลือกที่ใช้จะถูกบันทึกในล็อก</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="599" />
      <source>AR-TOOL14 / T-VER log: n = {n}, strata M = {m}, df = {df}, t90 = {t:.4f}, mean = {mean:.4f} {unit}/ha, SE = {se:.4f} {unit}/ha, 90 % half-width = {hw:.4f} {unit}/ha, U = {u:.2f} %, deduction d = {d:.0f} % of the half-width, conservative total = {cons:.3f} {unit} (project).</source>
      <translation>ล็อก AR-TOOL14 / T-VER: n = {n}, จำนวนชั้นภูมิ M = {m}, df = {df}, t90 = {t:.4f}, ค่าเฉลี่ย = {mean:.4f} {unit}/ha, SE = {se:.4f} {unit}/ha, ครึ่งความกว้างช่วง 90 % = {hw:.4f} {unit}/ha, U = {u:.2f} %, การหักลด d = {d:.0f} % ของครึ่งความกว้างช่วง, ผลรวมแบบอนุรักษ์ = {cons:.3f} {unit} (โครงการ)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="305" />
      <source>ASSESS needs the labelled reference points.</source>
      <translation>ASSESS ต้องใช้จุดอ้างอิงที่ระบุประเภทแล้ว</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="102" />
      <source>ASSESS: accuracy and areas</source>
      <translation>ASSESS: ความถูกต้องและพื้นที่</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="191" />
      <source>ASSESS: rows kind=count (sample counts) and kind=proportion (estimated area proportions p_ij); columns ref_&lt;class&gt;.</source>
      <translation>ASSESS: แถว kind=count (จำนวนตัวอย่าง) และ kind=proportion (สัดส่วนพื้นที่ที่ประมาณได้ p_ij); คอลัมน์ ref_&lt;class&gt;</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="174" />
      <source>ASSESS: the reference label; empty values are skipped.</source>
      <translation>ASSESS: ประเภทอ้างอิง ค่าว่างจะถูกข้ามไป</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="154" />
      <source>ASSESS: the sample with its reference class filled in.</source>
      <translation>ASSESS: ตัวอย่างที่กรอกประเภทอ้างอิงแล้ว</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="204" />
      <source>ASSESS: user's/producer's accuracy ± 95 % CI, F1, mapped and error-adjusted area ± 95 % CI in m² and rai.</source>
      <translation>ASSESS: ความถูกต้องของผู้ใช้/ผู้ผลิต ± 95 % CI, F1, พื้นที่จากแผนที่และพื้นที่ที่ปรับแก้ความคลาดเคลื่อนแล้ว ± 95 % CI หน่วย m² และไร่</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="246" />
      <source>Abandoned plot(s) kept because they were measured on this date: {ids}</source>
      <translation>แปลงที่ถูกยกเลิกแต่ยังคงไว้เนื่องจากมีการวัดในวันที่นี้: {ids}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="351" />
      <source>Absolute (cm)</source>
      <translation>ค่าสัมบูรณ์ (cm)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="433" />
      <source>Absolute sd of R, one draw per iteration. Empty: the method pack's sd (IPCC 2019 Table 4.4), none for T-VER / i-Tree.</source>
      <translation>ส่วนเบี่ยงเบนมาตรฐานสัมบูรณ์ของ R สุ่มหนึ่งครั้งต่อรอบการทำซ้ำ ค่าว่าง: ใช้ค่า sd ของชุดวิธีการ (IPCC 2019 Table 4.4) ซึ่งไม่มีสำหรับ T-VER / i-Tree</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="423" />
      <source>Absolute sd of the carbon fraction, one draw per iteration (0 = off). BIOMASS uses 0.0206 around 0.4713 (Thomas &amp; Martin 2012).</source>
      <translation>ส่วนเบี่ยงเบนมาตรฐานสัมบูรณ์ของสัดส่วนคาร์บอน สุ่มหนึ่งครั้งต่อรอบการทำซ้ำ (0 = ปิด) BIOMASS ใช้ 0.0206 รอบค่า 0.4713 (Thomas &amp; Martin 2012)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="75" />
      <source>Accuracy assessment and area estimation</source>
      <translation>การประเมินความถูกต้องและการประมาณพื้นที่</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="147" />
      <source>Add NDVI texture</source>
      <translation>เพิ่มค่าเนื้อสัมผัส (texture) ของ NDVI</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/mapping_common.py" line="108" />
      <source>Added after scaling; empty uses the preset (Custom: the band's offset metadata, else 0).</source>
      <translation>บวกเพิ่มหลังการปรับมาตราส่วน ค่าว่างคือใช้ค่าตามชุดค่าที่กำหนดไว้ (Custom: ใช้ค่า offset จากเมทาดาทาของแบนด์ หากไม่มีใช้ 0)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="150" />
      <source>Adds the 3×3 local variance of NDVI as a feature (helps canopy vs grass).</source>
      <translation>เพิ่มความแปรปรวนเฉพาะที่ขนาด 3×3 ของ NDVI เป็นตัวแปรคุณลักษณะ (ช่วยแยกเรือนยอดไม้ออกจากหญ้า)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/workflow.py" line="85" />
      <source>Algorithm not available: {ids}. Is the plugin fully installed?</source>
      <translation>ไม่พบอัลกอริทึม: {ids} ติดตั้งปลั๊กอินครบถ้วนแล้วหรือไม่</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="209" />
      <source>Allocation</source>
      <translation>การจัดสรร</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="223" />
      <source>Allocation table (from samplesize)</source>
      <translation>ตารางการจัดสรร (จาก samplesize)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="402" />
      <source>Allometric model error</source>
      <translation>ความคลาดเคลื่อนของสมการแอลโลเมตรี</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="181" />
      <source>Allowed error E as a fraction of the mean: 0.1 = ±10 %, 0.2 = ±20 %.</source>
      <translation>ค่าความคลาดเคลื่อนที่ยอมรับได้ E เป็นสัดส่วนของค่าเฉลี่ย: 0.1 = ±10 %, 0.2 = ±20 %</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_raster.py" line="134" />
      <source>Alternative to the text: one row per class (e.g. a stratum table).</source>
      <translation>ทางเลือกแทนการระบุเป็นข้อความ: หนึ่งแถวต่อหนึ่งประเภท (เช่น ตารางชั้นภูมิ)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="445" />
      <source>Analytic (AR-TOOL14 design-based variance added)</source>
      <translation>เชิงวิเคราะห์ (บวกความแปรปรวนตามแผนการสุ่มตัวอย่างของ AR-TOOL14)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="451" />
      <source>Analytic: total variance = Monte Carlo variance + A²·SE². Bootstrap: plots resampled within strata in every iteration.</source>
      <translation>เชิงวิเคราะห์: ความแปรปรวนรวม = ความแปรปรวนจาก Monte Carlo + A²·SE² Bootstrap: สุ่มแปลงซ้ำภายในชั้นภูมิในทุกรอบการทำซ้ำ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="342" />
      <source>Annual change, 90 % CI high</source>
      <translation>การเปลี่ยนแปลงรายปี ขอบบน CI 90 %</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="341" />
      <source>Annual change, 90 % CI low</source>
      <translation>การเปลี่ยนแปลงรายปี ขอบล่าง CI 90 %</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="344" />
      <source>Annual change, 95 % CI high</source>
      <translation>การเปลี่ยนแปลงรายปี ขอบบน CI 95 %</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="343" />
      <source>Annual change, 95 % CI low</source>
      <translation>การเปลี่ยนแปลงรายปี ขอบล่าง CI 95 %</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="340" />
      <source>Annual net change (tCO2e/yr)</source>
      <translation>การเปลี่ยนแปลงสุทธิรายปี (tCO2e/yr)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="282" />
      <source>Annual rate of change c (% per year)</source>
      <translation>อัตราการเปลี่ยนแปลงรายปี c (% ต่อปี)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="204" />
      <source>Annual sequestration (tCO2e/yr)</source>
      <translation>ปริมาณการดูดซับคาร์บอนรายปี (tCO2e/yr)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="330" />
      <source>Annual sequestration map</source>
      <translation>แผนที่ปริมาณการดูดซับคาร์บอนรายปี</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="214" />
      <source>Annual sequestration, 95 % interval high</source>
      <translation>ปริมาณการดูดซับคาร์บอนรายปี ขอบบนช่วง 95 %</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="209" />
      <source>Annual sequestration, 95 % interval low</source>
      <translation>ปริมาณการดูดซับคาร์บอนรายปี ขอบล่างช่วง 95 %</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/dock.py" line="463" />
      <source>Annual sequestration: {v:,.1f} tCO2e/yr</source>
      <translation>ปริมาณการดูดซับคาร์บอนรายปี: {v:,.1f} tCO2e/yr</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="293" />
      <source>Applies between new plots and to existing plots (of every stratum).</source>
      <translation>ใช้ระหว่างแปลงใหม่ด้วยกัน และระหว่างแปลงใหม่กับแปลงเดิม (ของทุกชั้นภูมิ)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="277" />
      <source>Applying model {kind} ({n} classes) from {f}</source>
      <translation>กำลังใช้แบบจำลอง {kind} ({n} ประเภท) จาก {f}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="132" />
      <source>Area for the green share; all its polygons together form one area.</source>
      <translation>พื้นที่สำหรับคำนวณสัดส่วนพื้นที่สีเขียว รูปปิดทั้งหมดรวมกันเป็นพื้นที่เดียว</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plots_common.py" line="93" />
      <source>Areas are ellipsoidal (geographic CRS; ellipsoid {e}).</source>
      <translation>พื้นที่คำนวณบนทรงรี (CRS ภูมิศาสตร์; ทรงรี {e})</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plots_common.py" line="96" />
      <source>Areas are planar in the layer's projected CRS.</source>
      <translation>พื้นที่คำนวณบนระนาบตาม CRS แบบฉายของชั้นข้อมูล</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="319" />
      <source>As given to Tree biomass; needed to re-evaluate Chave Eq. 7 and Eq. 6a heights.</source>
      <translation>ตามที่ใช้ในอัลกอริทึม Tree biomass จำเป็นสำหรับการคำนวณความสูงตาม Chave Eq. 7 และ Eq. 6a ใหม่</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="284" />
      <source>As in the stratified estimate; the choice is logged.</source>
      <translation>เช่นเดียวกับในการประมาณค่าแบบแบ่งชั้นภูมิ ตัวเลือกที่ใช้จะถูกบันทึกในล็อก</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/vegetation_indices.py" line="94" />
      <source>Bands {bands}; reflectance = DN × {s} + {o}; indices {idx}</source>
      <translation>แบนด์ {bands}; ค่าการสะท้อน = DN × {s} + {o}; ดัชนี {idx}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="354" />
      <source>Baseline id</source>
      <translation>รหัสกรณีฐาน</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="310" />
      <source>Baseline name</source>
      <translation>ชื่อกรณีฐาน</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="835" />
      <source>Baseline “{name}” saved in {path} (id {id}).</source>
      <translation>บันทึกกรณีฐาน “{name}” ไว้ใน {path} แล้ว (รหัส {id})</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="214" />
      <source>Batch assessment across municipalities</source>
      <translation>ประเมินหลายเทศบาลพร้อมกัน (แบบกลุ่ม)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="830" />
      <source>Batch: {ok} ok, {failed} failed, {skipped} skipped.</source>
      <translation>สรุปงาน: สำเร็จ {ok} ล้มเหลว {failed} ข้าม {skipped}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="196" />
      <source>Biomass (t d.m./ha; carbon = biomass × CF)</source>
      <translation>มวลชีวภาพ (t d.m./ha; คาร์บอน = มวลชีวภาพ × CF)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/mapping_common.py" line="70" />
      <source>Blue band</source>
      <translation>แบนด์สีน้ำเงิน</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_raster.py" line="163" />
      <source>Boundary name field</source>
      <translation>ฟิลด์ชื่อขอบเขตพื้นที่</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="279" />
      <source>Boundary: {a:.1f} rai, of which {c:.1f} % classified.</source>
      <translation>ขอบเขตพื้นที่: {a:.1f} ไร่ จำแนกประเภทแล้ว {c:.1f} %</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="201" />
      <source>CO2e = carbon × 44/12 (AR-TOOL14: C = 44/12 × CF × B).</source>
      <translation>CO2e = คาร์บอน × 44/12 (AR-TOOL14: C = 44/12 × CF × B)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/plot_design.py" line="884" />
      <source>CV table strata not in the layer ignored: {strata}</source>
      <translation>ไม่ใช้ชั้นภูมิในตาราง CV ที่ไม่อยู่ในชั้นข้อมูล: {strata}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="167" />
      <source>CV used for strata without pilot plots or a CV table entry (0.6 = 60 %; a planning prior, replace it with pilot data when you have it).</source>
      <translation>CV ที่ใช้กับชั้นภูมิที่ไม่มีแปลงนำร่องหรือไม่มีค่าในตาราง CV (0.6 = 60 %; เป็นค่าสมมติสำหรับการวางแผน ควรแทนด้วยข้อมูลจากแปลงนำร่องเมื่อมีข้อมูลแล้ว)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Cancel</source>
      <translation>ยกเลิก</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="816" />
      <source>Cancelled during {code}: nothing of it was kept.</source>
      <translation>ยกเลิกระหว่างคำนวณ {code}: ไม่เก็บผลใด ๆ ของเทศบาลนี้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/workflow.py" line="144" />
      <source>Cancelled: nothing was written to the output folder.</source>
      <translation>ยกเลิกแล้ว: ไม่มีการเขียนไฟล์ใด ๆ ลงในโฟลเดอร์ผลลัพธ์</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="333" />
      <location filename="../../carbon_pool_plugin/algorithms/vegetation_indices.py" line="111" />
      <source>Cancelled; no output was written.</source>
      <translation>ยกเลิกแล้ว ไม่มีการเขียนผลลัพธ์</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/workflow.py" line="104" />
      <source>Cancelling…</source>
      <translation>กำลังยกเลิก…</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="1077" />
      <source>Cannot create the table {t}</source>
      <translation>ไม่สามารถสร้างตาราง {t}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="1065" />
      <source>Cannot open or create the GeoPackage {path}</source>
      <translation>ไม่สามารถเปิดหรือสร้าง GeoPackage {path}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_raster.py" line="199" />
      <source>Cannot read class density “{v}”: use code:mean[:low:high];…</source>
      <translation>ไม่สามารถอ่านค่าความหนาแน่นของประเภท “{v}”: ให้ใช้รูปแบบ code:mean[:low:high];…</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="275" />
      <source>Cannot read the CV table: {error}</source>
      <translation>ไม่สามารถอ่านตาราง CV: {error}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="475" />
      <source>Cannot read the stratum codes: {error}</source>
      <translation>ไม่สามารถอ่านรหัสชั้นภูมิ: {error}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="195" />
      <source>Carbon (tC/ha)</source>
      <translation>คาร์บอน (tC/ha)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/plugin.py" line="47" />
      <location filename="../../carbon_pool_plugin/ui/dock.py" line="85" />
      <source>Carbon Pool</source>
      <translation>Carbon Pool</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/plugin.py" line="49" />
      <source>Carbon Pool algorithms…</source>
      <translation>อัลกอริทึม Carbon Pool…</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/plugin.py" line="57" />
      <source>Carbon Pool panel</source>
      <translation>แผง Carbon Pool</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/dock.py" line="524" />
      <source>Carbon by stratum</source>
      <translation>คาร์บอนแยกตามชั้นภูมิ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_raster.py" line="169" />
      <source>Carbon density (tC/ha)</source>
      <translation>ความหนาแน่นคาร์บอน (tC/ha)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="205" />
      <source>Carbon fraction CF (biomass only)</source>
      <translation>สัดส่วนคาร์บอน CF (เฉพาะมวลชีวภาพ)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="422" />
      <source>Carbon fraction sd</source>
      <translation>sd ของสัดส่วนคาร์บอน</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Carbon fraction, root:shoot ratio and default equations.</source>
      <translation>สัดส่วนคาร์บอน อัตราส่วนราก:ลำต้น และสมการตั้งต้น</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="356" />
      <source>Carbon fraction, root:shoot ratio, default equations, minimum DBH.</source>
      <translation>สัดส่วนคาร์บอน อัตราส่วนราก:ลำต้น สมการตั้งต้น และ DBH ต่ำสุด</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_raster.py" line="99" />
      <source>Carbon map from class densities</source>
      <translation>แผนที่คาร์บอนจากความหนาแน่นรายประเภท</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_raster.py" line="174" />
      <source>Carbon per class and zone</source>
      <translation>คาร์บอนรายประเภทและรายพื้นที่</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="260" />
      <source>Carbon price (THB per tCO2e, 0 = no valuation)</source>
      <translation>ราคาคาร์บอน (บาทต่อ tCO2e, 0 = ไม่ประเมินมูลค่า)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="194" />
      <source>Carbon stock (tC)</source>
      <translation>ปริมาณการกักเก็บคาร์บอน (tC)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="179" />
      <location filename="../../carbon_pool_plugin/ui/dock.py" line="534" />
      <source>Carbon stock (tCO2e)</source>
      <translation>ปริมาณการกักเก็บคาร์บอน (tCO2e)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/dock.py" line="523" />
      <source>Carbon stock (thousand tCO2e)</source>
      <translation>ปริมาณการกักเก็บคาร์บอน (พัน tCO2e)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="195" />
      <source>Carbon stock change (two measurements)</source>
      <translation>การเปลี่ยนแปลงปริมาณคาร์บอน (การวัดสองครั้ง)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="112" />
      <source>Carbon stock map (Stratified estimate output)</source>
      <translation>แผนที่ปริมาณการกักเก็บคาร์บอน (ผลลัพธ์จากการประมาณค่าแบบแบ่งชั้นภูมิ)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="189" />
      <source>Carbon stock, 95 % interval high (tCO2e)</source>
      <translation>ปริมาณการกักเก็บคาร์บอน ขอบบนช่วง 95 % (tCO2e)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="184" />
      <source>Carbon stock, 95 % interval low (tCO2e)</source>
      <translation>ปริมาณการกักเก็บคาร์บอน ขอบล่างช่วง 95 % (tCO2e)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/dock.py" line="456" />
      <source>Carbon stock: &lt;b&gt;{total:,.0f} tCO2e&lt;/b&gt;</source>
      <translation>ปริมาณการกักเก็บคาร์บอน: &lt;b&gt;{total:,.0f} tCO2e&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="255" />
      <source>Carbon-stock map</source>
      <translation>แผนที่ปริมาณการกักเก็บคาร์บอน</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="123" />
      <source>Carbon-stock map (green-space polygons)</source>
      <translation>แผนที่ปริมาณการกักเก็บคาร์บอน (รูปปิดพื้นที่สีเขียว)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="310" />
      <source>Centre inside; record the in-polygon fraction</source>
      <translation>จุดศูนย์กลางอยู่ภายใน บันทึกสัดส่วนที่อยู่ในรูปปิด</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="349" />
      <source>Chave 2004 with 5 % large errors (sd 4.64 cm, as BIOMASS)</source>
      <translation>Chave 2004 พร้อมความคลาดเคลื่อนขนาดใหญ่ 5 % (sd 4.64 cm เช่นเดียวกับ BIOMASS)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/montecarlo.py" line="380" />
      <source>Chave Eq. 6a heights: no E given, heights do not follow DBH error</source>
      <translation>ความสูงจากสมการ Chave Eq. 6a: ไม่ได้ระบุค่า E ความสูงจึงไม่แปรตามความคลาดเคลื่อนของ DBH</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="348" />
      <source>Chave et al. 2004: sd = 0.0062·D + 0.0904 cm</source>
      <translation>Chave et al. 2004: sd = 0.0062·D + 0.0904 cm</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="245" />
      <source>Chave et al. 2014 Eq. 6a (needs E)</source>
      <translation>Chave et al. 2014 Eq. 6a (ต้องใช้ E)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="280" />
      <source>Choose one database per project; it is recorded in the output.</source>
      <translation>เลือกฐานข้อมูลเดียวต่อหนึ่งโครงการ ฐานข้อมูลที่ใช้จะถูกบันทึกไว้ในผลลัพธ์</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_raster.py" line="214" />
      <source>Choose the class and mean density fields.</source>
      <translation>เลือกฟิลด์ประเภทและฟิลด์ความหนาแน่นเฉลี่ย</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="401" />
      <source>Choose the class code field of the training layer.</source>
      <translation>เลือกฟิลด์รหัสประเภทของชั้นข้อมูลสำหรับฝึก (training)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="308" />
      <source>Choose the reference class field.</source>
      <translation>เลือกฟิลด์ประเภทอ้างอิง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="381" />
      <source>Choose the stratum field of the green-space polygons.</source>
      <translation>เลือกฟิลด์ชั้นภูมิของรูปปิดพื้นที่สีเขียว</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="434" />
      <source>Choose the stratum field of the polygons.</source>
      <translation>เลือกฟิลด์ชั้นภูมิของรูปปิด</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="263" />
      <source>Circle 0.04 ha (radius 11.28 m, i-Tree)</source>
      <translation>วงกลม 0.04 ha (รัศมี 11.28 m, i-Tree)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="407" />
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="244" />
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>City municipality (เทศบาลนคร)</source>
      <translation>เทศบาลนคร</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="225" />
      <source>Class areas</source>
      <translation>พื้นที่รายประเภท</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_raster.py" line="137" />
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="114" />
      <source>Class code field</source>
      <translation>ฟิลด์รหัสประเภท</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_raster.py" line="231" />
      <source>Class code {c} is outside 1–255.</source>
      <translation>รหัสประเภท {c} อยู่นอกช่วง 1–255</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/mapping_common.py" line="400" />
      <source>Class code {v} is outside 1–255.</source>
      <translation>รหัสประเภท {v} อยู่นอกช่วง 1–255</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="99" />
      <source>Class codes counted as tree canopy for the canopy-cover fraction.</source>
      <translation>รหัสประเภทที่นับเป็นเรือนยอดไม้ในการคำนวณสัดส่วนการปกคลุมของเรือนยอด</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_raster.py" line="124" />
      <source>Class densities (tC/ha)</source>
      <translation>ความหนาแน่นรายประเภท (tC/ha)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="123" />
      <source>Class name field</source>
      <translation>ฟิลด์ชื่อประเภท</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="108" />
      <location filename="../../carbon_pool_plugin/algorithms/carbon_raster.py" line="120" />
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="211" />
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="88" />
      <source>Class raster</source>
      <translation>ข้อมูลแรสเตอร์ประเภท</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="359" />
      <source>Class {c} {n}: {a:.1f} rai ({s:.1f} %)</source>
      <translation>ประเภท {c} {n}: {a:.1f} ไร่ ({s:.1f} %)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_raster.py" line="235" />
      <source>Class {c}: need 0 ≤ low ≤ mean ≤ high (got {m}, {lo}, {hi}).</source>
      <translation>ประเภท {c}: ต้องเป็นไปตาม 0 ≤ low ≤ mean ≤ high (ได้ค่า {m}, {lo}, {hi})</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="377" />
      <source>Class {c}: user's {u:.3f} ± {ui:.3f}, producer's {p:.3f} ± {pi:.3f}; mapped {m:.1f} rai → adjusted {a:.1f} ± {ai:.1f} rai</source>
      <translation>ประเภท {c}: ความถูกต้องของผู้ใช้ {u:.3f} ± {ui:.3f}, ความถูกต้องของผู้ผลิต {p:.3f} ± {pi:.3f}; พื้นที่จากแผนที่ {m:.1f} ไร่ → ปรับแก้แล้ว {a:.1f} ± {ai:.1f} ไร่</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="262" />
      <source>Class {c}: {px} pixels mapped, {n} sample points</source>
      <translation>ประเภท {c}: พิกเซลในแผนที่ {px} พิกเซล, จุดตัวอย่าง {n} จุด</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_raster.py" line="292" />
      <source>Classes without a density (counted as 0 tC/ha): {c}</source>
      <translation>ประเภทที่ไม่มีค่าความหนาแน่น (นับเป็น 0 tC/ha): {c}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="451" />
      <source>Classes {c} have no more training pixels than features; their statistics are unreliable.</source>
      <translation>ประเภท {c} มีจำนวนพิกเซลสำหรับฝึกไม่มากกว่าจำนวนตัวแปรคุณลักษณะ ค่าสถิติของประเภทเหล่านี้จึงไม่น่าเชื่อถือ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="185" />
      <source>Classification accuracy table</source>
      <translation>ตารางความถูกต้องของการจำแนกประเภท</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="176" />
      <source>Classification area table</source>
      <translation>ตารางพื้นที่จากการจำแนกประเภท</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_raster.py" line="187" />
      <source>Classified area (ha)</source>
      <translation>พื้นที่ที่จำแนกประเภท (ha)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="239" />
      <source>Classified area (m²)</source>
      <translation>พื้นที่ที่จำแนกประเภท (m²)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="131" />
      <source>Classifier</source>
      <translation>ตัวจำแนกประเภท</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="233" />
      <source>Classifier used</source>
      <translation>ตัวจำแนกประเภทที่ใช้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="68" />
      <source>Classify green space from imagery</source>
      <translation>จำแนกประเภทพื้นที่สีเขียวจากภาพ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="280" />
      <source>Code field of the boundaries</source>
      <translation>ฟิลด์รหัสเทศบาลของขอบเขต</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="279" />
      <source>Code field of the green space</source>
      <translation>ฟิลด์รหัสเทศบาลของพื้นที่สีเขียว</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="278" />
      <source>Code field of the plots</source>
      <translation>ฟิลด์รหัสเทศบาลของแปลงตัวอย่าง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="277" />
      <source>Code field of the trees</source>
      <translation>ฟิลด์รหัสเทศบาลของต้นไม้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="233" />
      <source>Code of the local government (e.g. the DLA code).</source>
      <translation>รหัสขององค์กรปกครองส่วนท้องถิ่น (เช่น รหัส อปท. ของกรมส่งเสริมการปกครองท้องถิ่น)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="120" />
      <source>Coefficient of variation per stratum</source>
      <translation>สัมประสิทธิ์ความแปรผันรายชั้นภูมิ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="94" />
      <source>Comma-separated class codes that count as green space.</source>
      <translation>รหัสประเภทที่นับเป็นพื้นที่สีเขียว คั่นด้วยเครื่องหมายจุลภาค</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="198" />
      <source>Compares two measurements of the same permanent plots (tree tags).

Per tree: survivor growth, mortality (alive → dead or not found), ingrowth (new tags and trees crossing the minimum DBH), with flags for duplicate or missing tags, changed species and DBH shrinking beyond the tolerance.
Per plot: gross growth, mortality loss (negative), net change and annual rates (tC/ha/yr, fractional years from the measurement dates).
Per stratum and in total: the stratified change from per-plot differences (AR-TOOL14 §6.2) with SE and 90/95 % intervals, and — as a check and for plots not re-measured — the difference of two independent stock estimates (AR-TOOL14 §6.1: u = √((u₁C₁)² + (u₂C₂)²)/|ΔC|). Losses stay negative.
Map: annual sequestration (tCO2e/yr and per ha) of every green-space polygon.</source>
      <translation>เปรียบเทียบการวัดสองครั้งของแปลงตัวอย่างถาวรชุดเดียวกัน (ตามป้ายหมายเลขต้นไม้)

รายต้น: การเติบโตของต้นไม้ที่รอดชีวิต การตาย (จากมีชีวิต → ตาย หรือหาไม่พบ) ต้นไม้ที่เข้ามาใหม่ (ingrowth) (ป้ายหมายเลขใหม่และต้นไม้ที่โตจนเกิน DBH ต่ำสุด) พร้อมเครื่องหมายตรวจสอบข้อมูล (flag) สำหรับป้ายหมายเลขซ้ำหรือสูญหาย ชนิดพันธุ์ไม้ที่เปลี่ยนไป และ DBH ที่ลดลงเกินค่าที่ยอมรับได้
รายแปลง: การเติบโตรวม การสูญเสียจากการตาย (ค่าลบ) การเปลี่ยนแปลงสุทธิ และอัตรารายปี (tC/ha/yr โดยคิดจำนวนปีเป็นทศนิยมจากวันที่วัด)
รายชั้นภูมิและผลรวม: การเปลี่ยนแปลงแบบแบ่งชั้นภูมิจากผลต่างรายแปลง (AR-TOOL14 §6.2) พร้อม SE และช่วง 90/95 % และ — เพื่อใช้ตรวจสอบและสำหรับแปลงที่ไม่ได้วัดซ้ำ — ผลต่างของค่าประมาณปริมาณคาร์บอนสองค่าที่เป็นอิสระต่อกัน (AR-TOOL14 §6.1: u = √((u₁C₁)² + (u₂C₂)²)/|ΔC|) การสูญเสียยังคงแสดงเป็นค่าลบ
แผนที่: ปริมาณการดูดซับคาร์บอนรายปี (tCO2e/yr และต่อ ha) ของรูปปิดพื้นที่สีเขียวทุกรูป</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="458" />
      <source>Compute the error budget</source>
      <translation>คำนวณงบประมาณความคลาดเคลื่อน (error budget)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="86" />
      <source>Computes above-ground biomass (AGB), below-ground biomass (BGB), carbon and CO2 equivalent for every tree of a field inventory, using the central equation library (T-VER Ogawa/Tsutsumi/Komiyama, palms, bamboo, lianas, Chave, Brown) and the species wood-density table (species → genus → family → stand → dataset fallback).

The input can be any table or layer (GeoPackage, Shapefile, CSV, XLSX). DBH may be given in cm or mm, or as girth (circumference at 1.30 m). Rows that cannot be used are kept with empty carbon and a flag (DBH_MISSING, DBH_INVALID, SPECIES_UNMATCHED, …); the input is never modified. Every output row is stamped with the method pack and the equation used.</source>
      <translation>คำนวณมวลชีวภาพเหนือพื้นดิน (AGB) มวลชีวภาพใต้พื้นดิน (BGB) คาร์บอน และคาร์บอนไดออกไซด์เทียบเท่า ของต้นไม้ทุกต้นในข้อมูลการสำรวจต้นไม้ภาคสนาม โดยใช้คลังสมการกลาง (T-VER Ogawa/Tsutsumi/Komiyama, ปาล์ม, ไผ่, ไม้เถา, Chave, Brown) และตารางความหนาแน่นของเนื้อไม้รายชนิดพันธุ์ (ชนิดพันธุ์ไม้ → สกุล → วงศ์ → ค่าของหมู่ไม้ → ค่าของชุดข้อมูล ตามลำดับ)

ข้อมูลนำเข้าเป็นตารางหรือชั้นข้อมูลใดก็ได้ (GeoPackage, Shapefile, CSV, XLSX) DBH อาจระบุเป็น cm หรือ mm หรือเป็นเส้นรอบวง (ที่ความสูง 1.30 ม.) แถวที่ใช้คำนวณไม่ได้จะยังคงอยู่โดยมีค่าคาร์บอนว่างและมีเครื่องหมายตรวจสอบข้อมูล (DBH_MISSING, DBH_INVALID, SPECIES_UNMATCHED, …) โดยไม่มีการแก้ไขข้อมูลนำเข้า ผลลัพธ์ทุกแถวจะระบุชุดวิธีการและสมการที่ใช้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/vegetation_indices.py" line="34" />
      <source>Computes spectral indices from a multiband image, one Float32 band per index (nodata −9999, band descriptions = index names):
NDVI = (NIR − R)/(NIR + R); EVI = 2.5 (NIR − R)/(NIR + 6R − 7.5B + 1); SAVI = 1.5 (NIR − R)/(NIR + R + 0.5); NDWI (McFeeters) = (G − NIR)/(G + NIR); NDBI = (SWIR1 − NIR)/(SWIR1 + NIR).

Digital numbers are converted to reflectance first (preset or scale/offset) — EVI and SAVI need true reflectance. Nodata pixels and zero denominators give nodata. The image is processed in full-width row blocks, so memory stays flat for any size; the output file appears only when it is complete.</source>
      <translation>คำนวณดัชนีเชิงคลื่นแสงจากภาพหลายแบนด์ โดยได้หนึ่งแบนด์ Float32 ต่อหนึ่งดัชนี (nodata −9999, คำอธิบายแบนด์ = ชื่อดัชนี):
NDVI = (NIR − R)/(NIR + R); EVI = 2.5 (NIR − R)/(NIR + 6R − 7.5B + 1); SAVI = 1.5 (NIR − R)/(NIR + R + 0.5); NDWI (McFeeters) = (G − NIR)/(G + NIR); NDBI = (SWIR1 − NIR)/(SWIR1 + NIR)

ค่าตัวเลขดิจิทัล (DN) จะถูกแปลงเป็นค่าการสะท้อนก่อน (ตามชุดค่าที่กำหนดไว้หรือตาม scale/offset) — EVI และ SAVI ต้องใช้ค่าการสะท้อนจริง พิกเซล nodata และตัวหารที่เป็นศูนย์จะให้ค่า nodata ภาพจะถูกประมวลผลเป็นบล็อกแถวเต็มความกว้าง จึงใช้หน่วยความจำคงที่ไม่ว่าภาพจะมีขนาดเท่าใด และไฟล์ผลลัพธ์จะปรากฏเมื่อประมวลผลเสร็จสมบูรณ์แล้วเท่านั้น</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="185" />
      <source>Confidence level</source>
      <translation>ระดับความเชื่อมั่น</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="347" />
      <source>Conservative annual removal (tCO2e/yr)</source>
      <translation>ปริมาณการดูดซับรายปีแบบอนุรักษ์ (tCO2e/yr)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="349" />
      <source>Conservative total CO2e (t)</source>
      <translation>CO2e รวมแบบอนุรักษ์ (t)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="1150" />
      <source>Could not add plot {id} to the registry</source>
      <translation>ไม่สามารถเพิ่มแปลง {id} ลงในทะเบียนแปลงได้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="424" />
      <source>Could not create the GeoPackage: {err}</source>
      <translation>ไม่สามารถสร้าง GeoPackage: {err}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/mapping_common.py" line="211" />
      <source>Could not load source layer for {key}: {err}</source>
      <translation>ไม่สามารถโหลดชั้นข้อมูลต้นทางของ {key}: {err}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="616" />
      <source>Could not load the layout template {path}</source>
      <translation>ไม่สามารถโหลดแม่แบบการจัดหน้า {path}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/workflow.py" line="181" />
      <source>Could not move the results into {folder}: {err}</source>
      <translation>ไม่สามารถย้ายผลลัพธ์ไปยัง {folder}: {err}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="846" />
      <source>Could not save the baseline in {path}: {err}</source>
      <translation>ไม่สามารถบันทึกกรณีฐานใน {path}: {err}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/mapping_common.py" line="350" />
      <location filename="../../carbon_pool_plugin/atomic_outputs.py" line="292" />
      <location filename="../../carbon_pool_plugin/atomic_outputs.py" line="389" />
      <location filename="../../carbon_pool_plugin/qgis_io.py" line="317" />
      <location filename="../../carbon_pool_plugin/qgis_io.py" line="973" />
      <location filename="../../carbon_pool_plugin/qgis_io.py" line="925" />
      <location filename="../../carbon_pool_plugin/qgis_io.py" line="943" />
      <location filename="../../carbon_pool_plugin/qgis_io.py" line="889" />
      <location filename="../../carbon_pool_plugin/qgis_io.py" line="1014" />
      <source>Could not write features to the output.</source>
      <translation>ไม่สามารถเขียนฟีเจอร์ลงในผลลัพธ์ได้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="374" />
      <source>Could not write the output table.</source>
      <translation>ไม่สามารถเขียนตารางผลลัพธ์ได้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="811" />
      <source>Could not write the plot centres.</source>
      <translation>ไม่สามารถเขียนจุดศูนย์กลางแปลงได้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="813" />
      <source>Could not write the plot footprints.</source>
      <translation>ไม่สามารถเขียนขอบเขตแปลงได้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="849" />
      <source>Could not write the subplots.</source>
      <translation>ไม่สามารถเขียนแปลงย่อยได้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="304" />
      <source>Cover layout template (.qpt)</source>
      <translation>แม่แบบการจัดหน้าปก (.qpt)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="342" />
      <source>Cover source</source>
      <translation>ที่มาของหน้าปก</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="362" />
      <source>Create subplots</source>
      <translation>สร้างแปลงย่อย</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="106" />
      <source>Create the stratified sample first, label it, then assess.</source>
      <translation>สร้างตัวอย่างแบบแบ่งชั้นภูมิก่อน ระบุประเภทอ้างอิง แล้วจึงประเมิน</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/mapping_common.py" line="51" />
      <source>Custom (band numbers below)</source>
      <translation>Custom (ระบุหมายเลขแบนด์ด้านล่าง)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="199" />
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="287" />
      <source>Custom (method file)</source>
      <translation>Custom (ไฟล์วิธีการ)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="212" />
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="299" />
      <source>Custom method pack (JSON)</source>
      <translation>ชุดวิธีการที่กำหนดเอง (JSON)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="362" />
      <source>DBH error value (% or cm)</source>
      <translation>ค่าความคลาดเคลื่อนของ DBH (% หรือ cm)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="345" />
      <source>DBH measurement error</source>
      <translation>ความคลาดเคลื่อนในการวัด DBH</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>DBH or girth</source>
      <translation>DBH หรือเส้นรอบวง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="307" />
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="127" />
      <location filename="../../carbon_pool_plugin/ui/dock.py" line="365" />
      <source>DBH or girth field</source>
      <translation>ฟิลด์ DBH หรือเส้นรอบวง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="296" />
      <source>DBH shrink tolerance (cm)</source>
      <translation>ค่าที่ยอมรับได้ของ DBH ที่ลดลง (cm)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="315" />
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="136" />
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>DBH unit</source>
      <translation>หน่วยของ DBH</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="221" />
      <source>Data-only model: class codes/names, features, band roles, parameters.</source>
      <translation>แบบจำลองที่มีเฉพาะข้อมูล: รหัส/ชื่อประเภท ตัวแปรคุณลักษณะ บทบาทของแบนด์ และพารามิเตอร์</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Date, first measurement</source>
      <translation>วันที่วัดครั้งแรก</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Date, re-measurement</source>
      <translation>วันที่วัดซ้ำ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="354" />
      <source>Dead or lost trees</source>
      <translation>ต้นไม้ที่ตายหรือสูญหาย</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="186" />
      <source>Dead trees</source>
      <translation>ต้นไม้ที่ตาย</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="161" />
      <source>Default CV</source>
      <translation>CV ตั้งต้น</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="223" />
      <source>Density of each polygon</source>
      <translation>ความหนาแน่นของแต่ละรูปปิด</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_raster.py" line="130" />
      <source>Density table</source>
      <translation>ตารางความหนาแน่น</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="235" />
      <source>Design</source>
      <translation>รูปแบบการวางแปลง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="150" />
      <source>Design permanent plot network</source>
      <translation>ออกแบบเครือข่ายแปลงตัวอย่างถาวร</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="317" />
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="138" />
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Diameter in cm</source>
      <translation>เส้นผ่านศูนย์กลาง หน่วย cm</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="318" />
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="139" />
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Diameter in mm</source>
      <translation>เส้นผ่านศูนย์กลาง หน่วย mm</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="270" />
      <source>Discount rate r (% per year)</source>
      <translation>อัตราคิดลด r (% ต่อปี)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="256" />
      <source>Distance between grid points, in metres (systematic design only).</source>
      <translation>ระยะห่างระหว่างจุดกริด หน่วยเมตร (เฉพาะรูปแบบการวางแปลงแบบมีระบบ)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="1010" />
      <source>Duplicate existing plot ids: {list}</source>
      <translation>รหัสแปลงเดิมซ้ำกัน: {list}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="232" />
      <source>Each stratum gets at least this many plots (2 are needed for a variance); capped at the number of plots that fit in the stratum.</source>
      <translation>แต่ละชั้นภูมิจะได้แปลงอย่างน้อยเท่าจำนวนนี้ (ต้องมี 2 แปลงจึงคำนวณความแปรปรวนได้) แต่ไม่เกินจำนวนแปลงที่วางได้ในชั้นภูมินั้น</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="307" />
      <source>Edge rule</source>
      <translation>กฎการวางแปลงบริเวณขอบ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plots_common.py" line="418" />
      <source>Empty: detected (plot, plot_id, รหัสแปลง).</source>
      <translation>ค่าว่าง: ตรวจหาอัตโนมัติ (plot, plot_id, รหัสแปลง)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plots_common.py" line="439" />
      <source>Empty: detected (plot_id, plot, รหัสแปลง).</source>
      <translation>ค่าว่าง: ตรวจหาอัตโนมัติ (plot_id, plot, รหัสแปลง)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="165" />
      <source>Empty: detected (plot_id, plot, รหัสแปลง); used in messages only.</source>
      <translation>ค่าว่าง: ตรวจหาอัตโนมัติ (plot_id, plot, รหัสแปลง) ใช้ในข้อความแจ้งเท่านั้น</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="385" />
      <location filename="../../carbon_pool_plugin/algorithms/plots_common.py" line="368" />
      <source>Empty: detected (stratum, class_code).</source>
      <translation>ค่าว่าง: ตรวจหาอัตโนมัติ (stratum, class_code)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="255" />
      <source>Empty: field “stratum” if present, else by location in the strata.</source>
      <translation>ค่าว่าง: ใช้ฟิลด์ “stratum” หากมี มิฉะนั้นใช้ตำแหน่งที่ตั้งภายในชั้นภูมิ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="287" />
      <source>Empty: name_th, name_en or name when present; else the code is the name.</source>
      <translation>เว้นว่าง: ใช้ name_th, name_en หรือ name ถ้ามี มิฉะนั้นใช้รหัสเป็นชื่อ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="250" />
      <source>Empty: polygon area (ellipsoidal for a geographic CRS).</source>
      <translation>ค่าว่าง: ใช้พื้นที่ของรูปปิด (คำนวณบนทรงรีเมื่อใช้ CRS ภูมิศาสตร์)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="207" />
      <source>Empty: taken from the boundary (name_th for Thai, name_en for English).</source>
      <translation>ค่าว่าง: ใช้ค่าจากขอบเขตพื้นที่ (name_th สำหรับภาษาไทย, name_en สำหรับภาษาอังกฤษ)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="213" />
      <source>Empty: taken from the boundary field muni_code.</source>
      <translation>ค่าว่าง: ใช้ค่าจากฟิลด์ muni_code ของขอบเขตพื้นที่</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="289" />
      <source>Empty: the method pack's value (T-VER 4.5 cm); a tree crossing it is ingrowth. 0: no threshold.</source>
      <translation>ค่าว่าง: ใช้ค่าของชุดวิธีการ (T-VER 4.5 cm) ต้นไม้ที่โตจนเกินค่านี้ถือเป็นต้นไม้ที่เข้ามาใหม่ (ingrowth) 0: ไม่มีค่าขีดจำกัด</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="282" />
      <source>Empty: the municipality-code field.</source>
      <translation>เว้นว่าง: ใช้ฟิลด์รหัสเทศบาล</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="361" />
      <source>Empty: the polygon's area; required for points and tables.</source>
      <translation>เว้นว่าง: ใช้พื้นที่ของรูปปิด จำเป็นสำหรับข้อมูลจุดและตาราง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="308" />
      <source>Empty: the shipped carbon_report_a4.qpt. Customise it in the QGIS layout designer (logo, header, colours); its labels use the @cp_* layout variables.</source>
      <translation>ค่าว่าง: ใช้แม่แบบ carbon_report_a4.qpt ที่มากับปลั๊กอิน ปรับแต่งได้ในตัวออกแบบการจัดหน้าของ QGIS (โลโก้ ส่วนหัว สี) โดยป้ายข้อความในแม่แบบใช้ตัวแปรการจัดหน้า @cp_*</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="420" />
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>English</source>
      <translation>English</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="260" />
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="318" />
      <source>Environmental stress E (Chave 2014)</source>
      <translation>ความเครียดจากสภาพแวดล้อม E (Chave 2014)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="213" />
      <source>Equal</source>
      <translation>เท่ากัน</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="118" />
      <source>Equal allocation; used when Total sample size is 0.</source>
      <translation>จัดสรรเท่ากันทุกประเภท ใช้เมื่อขนาดตัวอย่างรวมเป็น 0</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="218" />
      <source>Equation</source>
      <translation>สมการ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="281" />
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="301" />
      <source>Equation pack version</source>
      <translation>รุ่นของชุดสมการ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="488" />
      <source>Error budget</source>
      <translation>งบประมาณความคลาดเคลื่อน</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="759" />
      <source>Error budget (variance of the total, each source alone):</source>
      <translation>งบประมาณความคลาดเคลื่อน (ความแปรปรวนของผลรวม เมื่อพิจารณาแต่ละแหล่งแยกกัน):</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="186" />
      <source>Error matrix</source>
      <translation>เมทริกซ์ความคลาดเคลื่อน</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="258" />
      <source>Every green-space polygon with its fields plus area_ha, area_rai, density_tc_ha, density_tco2e_rai, density_source, carbon_t and co2e_t with 95 % intervals, n_plots_in_polygon; styled by density on load.</source>
      <translation>รูปปิดพื้นที่สีเขียวทุกรูปพร้อมฟิลด์เดิม และเพิ่ม area_ha, area_rai, density_tc_ha, density_tco2e_rai, density_source, carbon_t และ co2e_t พร้อมช่วง 95 %, n_plots_in_polygon โดยกำหนดสัญลักษณ์ตามความหนาแน่นเมื่อโหลด</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="189" />
      <source>Every green-space polygon, with its stratum; stratum areas are summed.</source>
      <translation>รูปปิดพื้นที่สีเขียวทุกรูปพร้อมชั้นภูมิ โดยรวมพื้นที่ของแต่ละชั้นภูมิ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="284" />
      <source>Every input field plus accepted_name, dbh_cm, agb_kg, bgb_kg, biomass_kg, carbon_kg, co2e_kg, wd, wd_sd, wd_level, height_m, height_source, equation_id, method and flags.</source>
      <translation>ทุกฟิลด์ของข้อมูลนำเข้า พร้อม accepted_name, dbh_cm, agb_kg, bgb_kg, biomass_kg, carbon_kg, co2e_kg, wd, wd_sd, wd_level, height_m, height_source, equation_id, method และ flags</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plots_common.py" line="380" />
      <source>Exclude (area and plots left out)</source>
      <translation>ไม่รวม (ตัดพื้นที่และแปลงออก)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="164" />
      <source>Exclude from the tree pool</source>
      <translation>ไม่รวมในกลุ่มต้นไม้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="298" />
      <source>Exclusion areas</source>
      <translation>พื้นที่ยกเว้น</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="626" />
      <source>Exclusion polygons: {n}</source>
      <translation>รูปปิดพื้นที่ยกเว้น: {n}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="200" />
      <source>Existing model (JSON) to apply instead of training</source>
      <translation>แบบจำลองที่มีอยู่ (JSON) สำหรับนำมาใช้แทนการฝึก</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="333" />
      <source>Existing permanent plots</source>
      <translation>แปลงตัวอย่างถาวรที่มีอยู่เดิม</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="949" />
      <source>Existing plot {id} has no geometry; ignored.</source>
      <translation>แปลงเดิม {id} ไม่มีรูปเรขาคณิต จึงถูกข้ามไป</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="997" />
      <source>Existing plot {id} lies in no stratum polygon.</source>
      <translation>แปลงเดิม {id} ไม่อยู่ในรูปปิดชั้นภูมิใดเลย</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="1003" />
      <source>Existing plots are points: their footprints are drawn with the chosen shape.</source>
      <translation>แปลงเดิมเป็นข้อมูลจุด: ขอบเขตแปลงจะถูกวาดตามรูปร่างที่เลือก</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="424" />
      <source>Existing plots kept</source>
      <translation>แปลงเดิมที่คงไว้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="639" />
      <source>Existing plots kept: {n} ({active} active)</source>
      <translation>แปลงเดิมที่คงไว้: {n} ({active} แปลงที่ยังใช้งาน)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="936" />
      <source>Existing plots need a plot_id field (found: {names}).</source>
      <translation>แปลงเดิมต้องมีฟิลด์ plot_id (ฟิลด์ที่พบ: {names})</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="253" />
      <source>Expected precision with n_h (fraction)</source>
      <translation>ความแม่นยำที่คาดว่าจะได้ด้วย n_h (สัดส่วน)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="104" />
      <source>Export for GreenArea (DCCE)</source>
      <translation>ส่งออกสำหรับ GreenArea (DCCE)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="323" />
      <source>Features: {f}</source>
      <translation>ตัวแปรคุณลักษณะ: {f}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="244" />
      <source>Feldpausch et al. 2012 (South-East Asia)</source>
      <translation>Feldpausch et al. 2012 (เอเชียตะวันออกเฉียงใต้)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="117" />
      <source>Field holding the stratum (e.g. class_code: park, street, …).</source>
      <translation>ฟิลด์ที่เก็บชั้นภูมิ (เช่น class_code: park, street, …)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="192" />
      <source>Field holding the stratum of each polygon (e.g. class_code).</source>
      <translation>ฟิลด์ที่เก็บชั้นภูมิของแต่ละรูปปิด (เช่น class_code)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_raster.py" line="149" />
      <source>Field of the density table; limits are optional (mean used).</source>
      <translation>ฟิลด์ของตารางความหนาแน่น ค่าขอบเขตล่าง/บนไม่บังคับ (จะใช้ค่าเฉลี่ย)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="394" />
      <source>Field sheet (CSV)</source>
      <translation>แบบบันทึกภาคสนาม (CSV)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/qgis_io.py" line="230" />
      <source>Field “{field}” does not exist in the input layer (fields: {fields}).</source>
      <translation>ไม่มีฟิลด์ “{field}” ในชั้นข้อมูลนำเข้า (ฟิลด์ที่มี: {fields})</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="449" />
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="265" />
      <source>Field “{field}” does not exist in the strata layer.</source>
      <translation>ไม่มีฟิลด์ “{field}” ในชั้นข้อมูลชั้นภูมิ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="450" />
      <source>Field(s) {missing} not found in the tree table; its fields are: {fields}. If the table has title or merged rows above the column names, delete them so the names are in the first row.</source>
      <translation>ไม่พบฟิลด์ {missing} ในตารางต้นไม้ ฟิลด์ที่มีคือ: {fields} หากตารางมีแถวชื่อเรื่องหรือแถวที่ผสานเซลล์อยู่เหนือชื่อคอลัมน์ ให้ลบแถวเหล่านั้นออกเพื่อให้ชื่อคอลัมน์อยู่ในแถวแรก</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/workflow.py" line="197" />
      <source>Finished.</source>
      <translation>เสร็จสิ้น</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="275" />
      <source>First measurement date (if no field)</source>
      <translation>วันที่วัดครั้งแรก (หากไม่มีฟิลด์)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="264" />
      <source>First measurement date field</source>
      <translation>ฟิลด์วันที่วัดครั้งแรก</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="349" />
      <source>First part of every plot id, e.g. TH-SAMPLE-01.</source>
      <translation>ส่วนแรกของรหัสแปลงทุกแปลง เช่น TH-SAMPLE-01</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="204" />
      <source>Fixes carbon fraction, root:shoot ratio, default equations and minimum DBH. Its id and version are stamped on every output row.</source>
      <translation>กำหนดสัดส่วนคาร์บอน อัตราส่วนราก:ลำต้น สมการตั้งต้น และ DBH ต่ำสุด รหัสและรุ่นของชุดวิธีการจะถูกบันทึกไว้ในผลลัพธ์ทุกแถว</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/vegetation_indices.py" line="66" />
      <source>Float32 GeoTIFF, nodata −9999, one band per index.</source>
      <translation>GeoTIFF แบบ Float32, nodata −9999, หนึ่งแบนด์ต่อหนึ่งดัชนี</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_raster.py" line="170" />
      <source>Float32 GeoTIFF, nodata −9999.</source>
      <translation>GeoTIFF แบบ Float32, nodata −9999</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="414" />
      <source>For the green-share criterion of the report and the export (all of them).</source>
      <translation>ใช้กับเกณฑ์สัดส่วนพื้นที่สีเขียวในรายงานและไฟล์ส่งออก (ทุกเทศบาล)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="244" />
      <source>For the plots-inside option (at least 2 for an interval).</source>
      <translation>สำหรับตัวเลือกแปลงภายในรูปปิด (อย่างน้อย 2 แปลงจึงคำนวณช่วงได้)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="283" />
      <source>From the tree biomass EQUATION_PACK_VERSION output.</source>
      <translation>จากผลลัพธ์ EQUATION_PACK_VERSION ของ Tree biomass</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="278" />
      <source>From the tree biomass METHOD_VERSION output, e.g. “tver 1.0.0”.</source>
      <translation>จากผลลัพธ์ METHOD_VERSION ของ Tree biomass เช่น “tver 1.0.0”</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="314" />
      <source>Fully inside: the whole footprint lies in the polygon minus exclusions. Centre inside: plots may straddle the edge; in_polygon_fraction records the share of the plot inside (effective area = area_m2 × fraction).</source>
      <translation>อยู่ภายในทั้งหมด: ขอบเขตแปลงทั้งหมดอยู่ในรูปปิดหลังหักพื้นที่ยกเว้น จุดศูนย์กลางอยู่ภายใน: แปลงอาจคร่อมขอบได้ โดย in_polygon_fraction จะบันทึกสัดส่วนของแปลงที่อยู่ภายใน (พื้นที่ใช้งานจริง = area_m2 × สัดส่วน)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="405" />
      <source>GPX 1.1 waypoints named by plot_id (WGS84).</source>
      <translation>จุด waypoint แบบ GPX 1.1 ตั้งชื่อตาม plot_id (WGS84)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="134" />
      <source>Gaussian maximum likelihood (no extra dependency)</source>
      <translation>Gaussian maximum likelihood (ไม่ต้องติดตั้งไลบรารีเพิ่ม)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="293" />
      <source>GeoPackage</source>
      <translation>GeoPackage</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="319" />
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="140" />
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Girth (circumference) in cm</source>
      <translation>เส้นรอบวง หน่วย cm</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="320" />
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="141" />
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Girth (circumference) in m</source>
      <translation>เส้นรอบวง หน่วย m</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="324" />
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="145" />
      <source>Girth is converted once to diameter: D = girth / π.</source>
      <translation>เส้นรอบวงจะถูกแปลงเป็นเส้นผ่านศูนย์กลางครั้งเดียว: D = เส้นรอบวง / π</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="202" />
      <source>Give at least one green class code.</source>
      <translation>ระบุรหัสประเภทพื้นที่สีเขียวอย่างน้อยหนึ่งรหัส</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_raster.py" line="227" />
      <source>Give class densities as text or as a table.</source>
      <translation>ระบุความหนาแน่นรายประเภทเป็นข้อความหรือเป็นตาราง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="478" />
      <source>Give the {c} field or the {k} parameter.</source>
      <translation>ระบุฟิลด์ {c} หรือพารามิเตอร์ {k}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_raster.py" line="103" />
      <source>Gives every pixel the carbon density (tC/ha) of its class, measured on your plots (e.g. the stratum means and confidence limits of ‘Stratified estimate’), and sums carbon per class and per municipality: total = Σ area × density, with an interval that combines the class intervals as independent strata (half-widths added in quadrature); the fully correlated bounds Σ area × low / high are given in the log. CO2e = C × 44/12.

Densities as text: code:mean[:low:high] separated by ‘;’, e.g. 1:45.2:38.1:52.3;2:5.0:3.1:6.9 — or a table with class, mean, low and high fields. Classes without a density count as 0 tC/ha. Pixel areas come from the geotransform (projected CRS) or from the ellipsoid per row (geographic CRS). Map classification error is not included in the interval.</source>
      <translation>กำหนดความหนาแน่นคาร์บอน (tC/ha) ของประเภทให้กับทุกพิกเซล ซึ่งวัดจากแปลงตัวอย่างของคุณ (เช่น ค่าเฉลี่ยและขีดจำกัดความเชื่อมั่นรายชั้นภูมิจาก ‘Stratified estimate’) แล้วรวมคาร์บอนรายประเภทและรายเทศบาล: ผลรวม = Σ พื้นที่ × ความหนาแน่น พร้อมช่วงที่รวมช่วงของแต่ละประเภทโดยถือเป็นชั้นภูมิที่เป็นอิสระต่อกัน (รวมครึ่งความกว้างช่วงแบบรากที่สองของผลรวมกำลังสอง) ส่วนขอบเขตกรณีสัมพันธ์กันสมบูรณ์ Σ พื้นที่ × low / high จะแสดงในล็อก CO2e = C × 44/12

ความหนาแน่นในรูปข้อความ: code:mean[:low:high] คั่นด้วย ‘;’ เช่น 1:45.2:38.1:52.3;2:5.0:3.1:6.9 — หรือใช้ตารางที่มีฟิลด์ประเภท ค่าเฉลี่ย ค่าต่ำ และค่าสูง ประเภทที่ไม่มีค่าความหนาแน่นนับเป็น 0 tC/ha พื้นที่พิกเซลคำนวณจาก geotransform (CRS แบบฉาย) หรือจากทรงรีทีละแถว (CRS ภูมิศาสตร์) ช่วงนี้ไม่รวมความคลาดเคลื่อนจากการจำแนกประเภทในแผนที่</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="276" />
      <source>Global Wood Density Database v1 (2009)</source>
      <translation>Global Wood Density Database v1 (2009)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="275" />
      <source>Global Wood Density Database v2 (2026)</source>
      <translation>Global Wood Density Database v2 (2026)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="181" />
      <source>Green area (m²)</source>
      <translation>พื้นที่สีเขียว (m²)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="296" />
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="182" />
      <source>Green area (rai)</source>
      <translation>พื้นที่สีเขียว (ไร่)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="298" />
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="186" />
      <source>Green area per person (m²)</source>
      <translation>พื้นที่สีเขียวต่อคน (m²)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="303" />
      <source>Green area per person: {m:.1f} m² for {p:.0f} people (WHO minimum 9 m²: {who}; ONEP target 15 m²: {onep})</source>
      <translation>พื้นที่สีเขียวต่อคน: {m:.1f} m² สำหรับประชากร {p:.0f} คน (ค่าขั้นต่ำ WHO 9 m²: {who}; เป้าหมาย สผ. 15 m²: {onep})</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/mapping_common.py" line="71" />
      <source>Green band</source>
      <translation>แบนด์สีเขียว</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="92" />
      <source>Green classes</source>
      <translation>ประเภทพื้นที่สีเขียว</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="297" />
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="183" />
      <source>Green share (%)</source>
      <translation>สัดส่วนพื้นที่สีเขียว (%)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="339" />
      <source>Green share of the area (%)</source>
      <translation>สัดส่วนพื้นที่สีเขียวต่อพื้นที่ทั้งหมด (%)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="292" />
      <source>Green share {s:.2f} % of {ref:.1f} rai; target for this type {t:.0f} %: {verdict}</source>
      <translation>สัดส่วนพื้นที่สีเขียว {s:.2f} % ของ {ref:.1f} ไร่; เป้าหมายสำหรับประเภทนี้ {t:.0f} %: {verdict}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Green space (strata)</source>
      <translation>พื้นที่สีเขียว (ชั้นภูมิ)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="686" />
      <source>Green space {a:.2f} ha ({rai:.1f} rai): {c:.1f} tC, {co2:.1f} tCO2e (95 % CI {lo:.1f} – {hi:.1f}); mean {m:.2f} tC/ha.</source>
      <translation>พื้นที่สีเขียว {a:.2f} ha ({rai:.1f} ไร่): {c:.1f} tC, {co2:.1f} tCO2e (95 % CI {lo:.1f} – {hi:.1f}); ค่าเฉลี่ย {m:.2f} tC/ha</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="346" />
      <source>Green-space area (ha)</source>
      <translation>พื้นที่สีเขียว (ha)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="171" />
      <source>Green-space polygons</source>
      <translation>รูปปิดพื้นที่สีเขียว</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="253" />
      <source>Green-space polygons (all municipalities)</source>
      <translation>รูปปิดพื้นที่สีเขียว (ทุกเทศบาล)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="181" />
      <location filename="../../carbon_pool_plugin/algorithms/plots_common.py" line="355" />
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="102" />
      <source>Green-space polygons (strata)</source>
      <translation>รูปปิดพื้นที่สีเขียว (ชั้นภูมิ)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="66" />
      <source>Green-space polygons and green-area target</source>
      <translation>รูปปิดพื้นที่สีเขียวและเป้าหมายพื้นที่สีเขียว</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="115" />
      <source>Green-space polygons with area_ha, density_tc_ha, density_tco2e_rai, co2e_t … (the OUTPUT of carbonpool:stratifiedestimate).</source>
      <translation>รูปปิดพื้นที่สีเขียวที่มี area_ha, density_tc_ha, density_tco2e_rai, co2e_t … (OUTPUT ของ carbonpool:stratifiedestimate)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="331" />
      <source>Green-space polygons with tCO2e/yr and tCO2e/ha/yr (losses negative).</source>
      <translation>รูปปิดพื้นที่สีเขียวที่มี tCO2e/yr และ tCO2e/ha/yr (การสูญเสียเป็นค่าลบ)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="256" />
      <source>Green-space polygons with their stratum and the municipality-code field.</source>
      <translation>รูปปิดพื้นที่สีเขียวพร้อมชั้นภูมิและฟิลด์รหัสเทศบาล</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Green-space polygons; each polygon belongs to one stratum (class).</source>
      <translation>รูปปิดพื้นที่สีเขียว แต่ละรูปอยู่ในชั้นภูมิ (ประเภท) เดียว</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="351" />
      <source>Green-space share of the municipality (%)</source>
      <translation>สัดส่วนพื้นที่สีเขียวของเทศบาล (%)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Green-space stratum</source>
      <translation>ชั้นภูมิพื้นที่สีเขียว</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="556" />
      <source>GreenArea package: {rai:.1f} rai of green space ({pct}), {co2:.1f} tCO2e → {path}</source>
      <translation>ชุดข้อมูล GreenArea: พื้นที่สีเขียว {rai:.1f} ไร่ ({pct}), {co2:.1f} tCO2e → {path}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="251" />
      <source>Grid spacing (m)</source>
      <translation>ระยะห่างกริด (m)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Height (m)</source>
      <translation>ความสูง (m)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="370" />
      <source>Height error</source>
      <translation>ความคลาดเคลื่อนของความสูง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="334" />
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="157" />
      <source>Height field (m)</source>
      <translation>ฟิลด์ความสูง (m)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="241" />
      <source>Height model for missing heights</source>
      <translation>แบบจำลองความสูงสำหรับต้นที่ไม่มีข้อมูลความสูง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="472" />
      <source>Hold-out check on {n} pixels of {g} withheld training features: overall accuracy {oa:.3f}, kappa {k:.3f} (optimistic: training sites are not a probability sample).</source>
      <translation>การตรวจสอบด้วยข้อมูลที่กันไว้ (hold-out) จาก {n} พิกเซลของฟีเจอร์สำหรับฝึก {g} ฟีเจอร์ที่กันไว้: ความถูกต้องโดยรวม {oa:.3f}, kappa {k:.3f} (เป็นค่าที่สูงเกินจริง เนื่องจากพื้นที่สำหรับฝึกไม่ใช่ตัวอย่างเชิงความน่าจะเป็น)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="237" />
      <source>Hold-out kappa</source>
      <translation>ค่า kappa จากข้อมูลที่กันไว้ (hold-out)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="236" />
      <source>Hold-out overall accuracy</source>
      <translation>ความถูกต้องโดยรวมจากข้อมูลที่กันไว้ (hold-out)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="184" />
      <source>Hold-out share of training features</source>
      <translation>สัดส่วนของฟีเจอร์สำหรับฝึกที่กันไว้ตรวจสอบ (hold-out)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="82" />
      <source>How many permanent sample plots are needed, and how many in each stratum, to estimate the mean carbon stock to a target precision (e.g. ±10 % of the mean) at 90 % or 95 % confidence.

Formula (BioCarbon Fund Sourcebook, Pearson, Walker &amp; Brown): n = (Σ N_h s_h)² / (N² E² / t² + Σ N_h s_h²), with N_h = stratum area / plot area, E = mean × precision and t the Student t at n − strata degrees of freedom (iterated). N_SOURCEBOOK is this Neyman-allocation value; N_TOTAL is the number to place with the chosen allocation after rounding and the minimum per stratum.

Variability per stratum: from pilot plots (mean and SD of a value field, at least 2 plots per stratum), else a coefficient of variation from the CV table (e.g. park:0.6;street:0.8), else the default CV. With CVs only, all strata are assumed to share one mean.

The output table (stratum, area_ha, N_units = N_h, sd, cv, n_h) is the input ALLOCATION_TABLE of “Design permanent plot network”.</source>
      <translation>คำนวณจำนวนแปลงตัวอย่างถาวรที่ต้องใช้ทั้งหมดและในแต่ละชั้นภูมิ เพื่อประมาณค่าเฉลี่ยปริมาณการกักเก็บคาร์บอนให้ได้ความแม่นยำตามเป้าหมาย (เช่น ±10 % ของค่าเฉลี่ย) ที่ระดับความเชื่อมั่น 90 % หรือ 95 %

สูตร (BioCarbon Fund Sourcebook, Pearson, Walker &amp; Brown): n = (Σ N_h s_h)² / (N² E² / t² + Σ N_h s_h²) โดย N_h = พื้นที่ชั้นภูมิ / พื้นที่แปลง, E = ค่าเฉลี่ย × ความแม่นยำ และ t คือค่า Student t ที่องศาอิสระ n − จำนวนชั้นภูมิ (คำนวณซ้ำจนลู่เข้า) N_SOURCEBOOK คือค่าตามการจัดสรรแบบ Neyman นี้ ส่วน N_TOTAL คือจำนวนแปลงที่ต้องวางตามวิธีการจัดสรรที่เลือก หลังการปัดเศษและกำหนดจำนวนขั้นต่ำต่อชั้นภูมิแล้ว

ความแปรผันรายชั้นภูมิ: คำนวณจากแปลงนำร่อง (ค่าเฉลี่ยและ SD ของฟิลด์ค่า อย่างน้อย 2 แปลงต่อชั้นภูมิ) หากไม่มีใช้สัมประสิทธิ์ความแปรผันจากตาราง CV (เช่น park:0.6;street:0.8) หากไม่มีอีกใช้ CV ตั้งต้น เมื่อใช้เฉพาะค่า CV จะถือว่าทุกชั้นภูมิมีค่าเฉลี่ยเดียวกัน

ตารางผลลัพธ์ (stratum, area_ha, N_units = N_h, sd, cv, n_h) ใช้เป็นข้อมูลนำเข้า ALLOCATION_TABLE ของ “Design permanent plot network”</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="218" />
      <source>How plots are shared among strata. Proportional and equal allocation need more plots than Neyman for the same precision; the total follows the choice.</source>
      <translation>วิธีการจัดสรรแปลงให้แต่ละชั้นภูมิ การจัดสรรตามสัดส่วนและการจัดสรรเท่ากันต้องใช้แปลงมากกว่าแบบ Neyman เพื่อให้ได้ความแม่นยำเท่ากัน จำนวนแปลงรวมจะเปลี่ยนไปตามตัวเลือก</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="373" />
      <source>H–D model residual error (modelled heights)</source>
      <translation>ความคลาดเคลื่อนส่วนเหลือของแบบจำลอง H–D (ความสูงที่ได้จากแบบจำลอง)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="352" />
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="198" />
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="286" />
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>IPCC 2019</source>
      <translation>IPCC 2019</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="128" />
      <source>If &gt; 0: allocated in proportion to mapped area, with the minimum below.</source>
      <translation>หากมากกว่า 0: จัดสรรตามสัดส่วนพื้นที่ในแผนที่ โดยมีจำนวนขั้นต่ำตามค่าด้านล่าง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="286" />
      <source>InVEST's c: V = Σ p·ΔC / ((1+r/100)^t (1+c/100)^t). A positive c lowers the value of carbon sequestered later; use a negative c for a price expected to rise.</source>
      <translation>ค่า c ของ InVEST: V = Σ p·ΔC / ((1+r/100)^t (1+c/100)^t) ค่า c ที่เป็นบวกจะลดมูลค่าของคาร์บอนที่ดูดซับในภายหลัง ให้ใช้ค่า c ติดลบหากคาดว่าราคาจะสูงขึ้น</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="164" />
      <source>Include</source>
      <translation>รวมไว้ด้วย</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="867" />
      <source>Independent estimates (AR-TOOL14 6.1): {c1:.1f} → {c2:.1f} tCO2e over {y:.3f} yr: {d:.1f} tCO2e, {a:.1f} tCO2e/yr (U {u:.1f} %).</source>
      <translation>ค่าประมาณที่เป็นอิสระต่อกัน (AR-TOOL14 6.1): {c1:.1f} → {c2:.1f} tCO2e ในช่วง {y:.3f} ปี: {d:.1f} tCO2e, {a:.1f} tCO2e/yr (U {u:.1f} %)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="349" />
      <source>Independent-estimates change (tCO2e)</source>
      <translation>การเปลี่ยนแปลงจากค่าประมาณที่เป็นอิสระต่อกัน (tCO2e)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="350" />
      <source>Independent-estimates change (tCO2e/yr)</source>
      <translation>การเปลี่ยนแปลงจากค่าประมาณที่เป็นอิสระต่อกัน (tCO2e/yr)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="351" />
      <source>Independent-estimates uncertainty (90 %, %)</source>
      <translation>ความไม่แน่นอนของค่าประมาณที่เป็นอิสระต่อกัน (90 %, %)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/vegetation_indices.py" line="53" />
      <location filename="../../carbon_pool_plugin/algorithms/vegetation_indices.py" line="65" />
      <source>Indices</source>
      <translation>ดัชนี</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="355" />
      <source>Ingrowth trees</source>
      <translation>ต้นไม้ที่เข้ามาใหม่ (ingrowth)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="119" />
      <source>Integer class codes 1–255 (0 is nodata in the output).</source>
      <translation>รหัสประเภทเป็นจำนวนเต็ม 1–255 (0 คือ nodata ในผลลัพธ์)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_raster.py" line="121" />
      <source>Integer class raster, e.g. from ‘Classify green space’.</source>
      <translation>ข้อมูลแรสเตอร์ประเภทแบบจำนวนเต็ม เช่น จาก ‘Classify green space’</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="329" />
      <source>Inventory year</source>
      <translation>ปีที่สำรวจ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="269" />
      <source>Inventory year (B.E. or C.E.)</source>
      <translation>ปีที่สำรวจ (พ.ศ. หรือ ค.ศ.)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="395" />
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Inventory year (B.E.)</source>
      <translation>ปีที่สำรวจ (พ.ศ.)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="327" />
      <source>Iterations</source>
      <translation>จำนวนรอบการทำซ้ำ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="468" />
      <source>Iterations per chunk (0 = automatic)</source>
      <translation>จำนวนรอบการทำซ้ำต่อชุด (0 = อัตโนมัติ)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="505" />
      <source>Iterations run</source>
      <translation>จำนวนรอบการทำซ้ำที่ประมวลผล</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="294" />
      <source>JSON summary</source>
      <translation>สรุปผล JSON</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="214" />
      <source>Kappa (sample counts)</source>
      <translation>Kappa (จำนวนตัวอย่าง)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="105" />
      <source>Labelled areas or points (any CRS; reprojected to the image). Pixels whose centre falls in a polygon, or that contain a point, are used. Not needed for the Otsu mode or with an existing model.</source>
      <translation>พื้นที่หรือจุดที่กำหนดประเภทแล้ว (CRS ใดก็ได้ จะถูกแปลงพิกัดให้ตรงกับภาพ) ใช้จุดภาพที่มีจุดศูนย์กลางอยู่ในรูปปิด หรือที่มีจุดตกอยู่ภายใน ไม่จำเป็นสำหรับโหมด Otsu หรือเมื่อใช้แบบจำลองที่มีอยู่แล้ว</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="150" />
      <source>Labelled reference points</source>
      <translation>จุดอ้างอิงที่กำหนดประเภทแล้ว</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_raster.py" line="167" />
      <source>Labels the zones in the table (default: feature number).</source>
      <translation>ใช้เป็นชื่อโซนในตาราง (ค่าเริ่มต้น: ลำดับที่ของฟีเจอร์)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/mapping_common.py" line="50" />
      <source>Landsat 8/9 Collection 2 Level-2 (scale 2.75e-5, offset −0.2)</source>
      <translation>Landsat 8/9 Collection 2 Level-2 (scale 2.75e-5, offset −0.2)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Language of the PDF and HTML report.</source>
      <translation>ภาษาของรายงาน PDF และ HTML</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="423" />
      <source>Language of the PDF/HTML reports.</source>
      <translation>ภาษาของรายงาน PDF/HTML</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="246" />
      <source>Language of the report; independent of the QGIS interface language.</source>
      <translation>ภาษาของรายงาน ไม่ขึ้นกับภาษาของหน้าจอ QGIS</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="179" />
      <source>Larger classes are randomly subsampled (seeded) to this many pixels.</source>
      <translation>ประเภทที่มีจุดภาพมากกว่านี้จะถูกสุ่มตัวอย่างย่อย (กำหนดค่า seed) ให้เหลือเท่าจำนวนนี้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="102" />
      <source>Layer or table with one row per tree (GPKG, SHP, CSV, XLSX).</source>
      <translation>ชั้นข้อมูลหรือตารางที่มีหนึ่งแถวต่อต้นไม้หนึ่งต้น (GPKG, SHP, CSV, XLSX)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Layers</source>
      <translation>ชั้นข้อมูล</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="379" />
      <source>Layout template not found: {path}</source>
      <translation>ไม่พบแม่แบบเค้าโครงหน้า (layout template): {path}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="170" />
      <source>Life form field</source>
      <translation>ฟิลด์รูปชีวิต (life form)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="243" />
      <source>Local H–D model fitted on measured trees</source>
      <translation>แบบจำลองความสัมพันธ์ความสูง–เส้นผ่านศูนย์กลาง (H–D) ระดับท้องถิ่นที่ปรับจากต้นไม้ที่วัดจริง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="136" />
      <source>Local-government type (green-area target)</source>
      <translation>ประเภทองค์กรปกครองส่วนท้องถิ่น (เป้าหมายพื้นที่สีเขียว)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="404" />
      <source>Log-normal residual error for equations with an RSE in the library (none of the bundled equations has one yet; see Model RSE).</source>
      <translation>ความคลาดเคลื่อนส่วนเหลือแบบ log-normal สำหรับสมการที่มีค่า RSE ในคลังสมการ (ยังไม่มีสมการที่รวมมากับปลั๊กอินใดมีค่านี้ ดู Model RSE)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="316" />
      <source>Logo image</source>
      <translation>ภาพโลโก้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="382" />
      <source>Logo not found: {path}</source>
      <translation>ไม่พบโลโก้: {path}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="185" />
      <source>Lower bound of the 95 % confidence interval of the total.</source>
      <translation>ขอบล่างของช่วงความเชื่อมั่น 95 % ของค่ารวม</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="210" />
      <source>Lower bound of the 95 % interval of the annual sequestration.</source>
      <translation>ขอบล่างของช่วง 95 % ของปริมาณการดูดซับคาร์บอนรายปี</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_raster.py" line="139" />
      <source>Lower limit field (tC/ha)</source>
      <translation>ฟิลด์ขีดจำกัดล่าง (tC/ha)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="158" />
      <source>Map class field</source>
      <translation>ฟิลด์ประเภทในแผนที่</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="365" />
      <source>Map classes {c} have no reference points; every mapped class (stratum) needs samples for the area estimate.</source>
      <translation>ประเภทในแผนที่ {c} ไม่มีจุดอ้างอิง ทุกประเภทในแผนที่ (ชั้นภูมิ) ต้องมีตัวอย่างจึงจะประมาณพื้นที่ได้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="251" />
      <source>Map density unit</source>
      <translation>หน่วยความหนาแน่นในแผนที่</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="72" />
      <source>Maps land cover (e.g. 1 tree canopy, 2 grass/shrub, 3 water, 4 built/bare) from a multiband image. Features: reflectance of the mapped bands, NDVI, NDWI (and NDBI with a SWIR band), optionally the 3×3 local variance of NDVI (texture).

Classifiers: random forest (scikit-learn, if installed; otherwise Gaussian maximum likelihood is used with a warning), Gaussian maximum likelihood (pure numpy, always available), or an unsupervised NDVI threshold (Otsu) giving 1 = vegetation and 4 = non-vegetation.

Training polygons or points are rasterised on the image grid. Whole training features (not single pixels) are held out (HOLDOUT share per class) to report an honest hold-out accuracy before the final model is fitted on all of them. This is still not a map accuracy assessment: use ‘Accuracy assessment and area estimation’ with an independent stratified random sample for that.

Outputs: a uint8 class raster (nodata 0, styled), a data-only JSON model (safe to share; it is never unpickled) that can be re-applied with ‘Existing model’, and a per-class area table (m², rai, %).</source>
      <translation>จัดทำแผนที่สิ่งปกคลุมดิน (เช่น 1 เรือนยอดต้นไม้, 2 หญ้า/ไม้พุ่ม, 3 แหล่งน้ำ, 4 สิ่งปลูกสร้าง/พื้นที่เปิดโล่ง) จากภาพหลายแบนด์ คุณลักษณะที่ใช้: ค่าการสะท้อนของแบนด์ที่กำหนด, NDVI, NDWI (และ NDBI เมื่อมีแบนด์ SWIR) และความแปรปรวนเฉพาะที่ 3×3 ของ NDVI (เนื้อภาพ/texture) ซึ่งเลือกใช้ได้

ตัวจำแนกประเภท: random forest (scikit-learn หากติดตั้งไว้ มิฉะนั้นจะใช้ Gaussian maximum likelihood พร้อมแสดงคำเตือน), Gaussian maximum likelihood (numpy ล้วน ใช้ได้เสมอ) หรือการกำหนดค่าขีดแบ่ง NDVI แบบไม่ควบคุม (Otsu) ซึ่งให้ 1 = พืชพรรณ และ 4 = ไม่ใช่พืชพรรณ

รูปปิดหรือจุดข้อมูลสำหรับฝึก (training) จะถูกแปลงเป็นแรสเตอร์บนกริดของภาพ ฟีเจอร์ฝึกทั้งฟีเจอร์ (ไม่ใช่จุดภาพเดี่ยว) จะถูกกันไว้ (ตามสัดส่วน HOLDOUT ต่อประเภท) เพื่อรายงานความถูกต้องจากข้อมูลที่กันไว้อย่างตรงไปตรงมา ก่อนปรับแบบจำลองสุดท้ายด้วยข้อมูลทั้งหมด อย่างไรก็ตาม นี่ยังไม่ใช่การประเมินความถูกต้องของแผนที่ สำหรับการประเมินดังกล่าวให้ใช้ ‘การประเมินความถูกต้องและการประมาณพื้นที่’ กับตัวอย่างสุ่มแบบแบ่งชั้นภูมิที่เป็นอิสระ

ผลลัพธ์: แรสเตอร์ประเภทชนิด uint8 (nodata 0 พร้อมสัญลักษณ์), แบบจำลอง JSON ที่มีเฉพาะข้อมูล (แบ่งปันได้อย่างปลอดภัย ไม่มีการ unpickle) ซึ่งนำกลับมาใช้ซ้ำได้ด้วย ‘แบบจำลองที่มีอยู่แล้ว’ และตารางพื้นที่รายประเภท (m², ไร่, %)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="274" />
      <source>Market discount rate of the InVEST valuation formula (InVEST's example is 7 %; use the rate your agency requires).</source>
      <translation>อัตราคิดลดตามตลาดในสูตรการประเมินมูลค่าของ InVEST (ตัวอย่างของ InVEST ใช้ 7 % ให้ใช้อัตราที่หน่วยงานของท่านกำหนด)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/units.py" line="213" />
      <source>Maximum DBH is {mx:.1f} cm (&gt; 500 cm): check for unit or typing errors.</source>
      <translation>DBH สูงสุดคือ {mx:.1f} ซม. (&gt; 500 ซม.): ตรวจสอบหน่วยหรือการพิมพ์ผิด</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="174" />
      <source>Maximum training pixels per class</source>
      <translation>จำนวนจุดภาพสำหรับฝึกสูงสุดต่อประเภท</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_raster.py" line="138" />
      <source>Mean density field (tC/ha)</source>
      <translation>ฟิลด์ความหนาแน่นเฉลี่ย (tC/ha)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="348" />
      <source>Mean interval (years)</source>
      <translation>ช่วงเวลาเฉลี่ย (ปี)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="226" />
      <source>Mean of the plots inside the polygon when enough, else stratum mean</source>
      <translation>ค่าเฉลี่ยของแปลงตัวอย่างภายในรูปปิดเมื่อมีจำนวนเพียงพอ มิฉะนั้นใช้ค่าเฉลี่ยของชั้นภูมิ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="188" />
      <source>Mean plot carbon (tC/ha, unweighted)</source>
      <translation>คาร์บอนเฉลี่ยของแปลงตัวอย่าง (tC/ha, ไม่ถ่วงน้ำหนัก)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Measured fraction</source>
      <translation>สัดส่วนที่วัด</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plots_common.py" line="443" />
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="235" />
      <source>Measured fraction field</source>
      <translation>ฟิลด์สัดส่วนที่วัด</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="386" />
      <source>Measured height error (%)</source>
      <translation>ความคลาดเคลื่อนของความสูงที่วัด (%)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="375" />
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="148" />
      <source>Measurement date field</source>
      <translation>ฟิลด์วันที่วัด</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Measurement date of each plot (needed for the annual stock change).</source>
      <translation>วันที่วัดของแต่ละแปลง (จำเป็นสำหรับการเปลี่ยนแปลงปริมาณคาร์บอนรายปี)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/units.py" line="195" />
      <source>Median DBH is {med:.1f} cm (&gt; 150 cm): values are probably in millimetres or are girths (circumference); check the DBH unit.</source>
      <translation>ค่ามัธยฐานของ DBH คือ {med:.1f} ซม. (&gt; 150 ซม.): ค่าน่าจะเป็นมิลลิเมตรหรือเป็นเส้นรอบวง ให้ตรวจสอบหน่วยของ DBH</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/units.py" line="207" />
      <source>Median DBH is {med:.2f} cm (&lt; 3 cm) with the unit set to millimetres: the values are probably in centimetres; check the DBH unit.</source>
      <translation>ค่ามัธยฐานของ DBH คือ {med:.2f} ซม. (&lt; 3 ซม.) ขณะตั้งหน่วยเป็นมิลลิเมตร: ค่าน่าจะเป็นเซนติเมตร ให้ตรวจสอบหน่วยของ DBH</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/units.py" line="201" />
      <source>Median DBH is {med:.3f} cm (&lt; 1 cm): values are probably in metres; check the DBH unit.</source>
      <translation>ค่ามัธยฐานของ DBH คือ {med:.3f} ซม. (&lt; 1 ซม.): ค่าน่าจะเป็นเมตร ให้ตรวจสอบหน่วยของ DBH</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/units.py" line="188" />
      <source>Median height/DBH is {ratio:.2f} m per cm (trees usually have 0.3–1.2): the DBH values look about 10 times too small — check the DBH unit (centimetres read as millimetres?) and the height unit (metres).</source>
      <translation>ค่ามัธยฐานของความสูง/DBH คือ {ratio:.2f} ม. ต่อ ซม. (ต้นไม้ทั่วไป 0.3–1.2): ค่า DBH ดูเล็กไปราว 10 เท่า — ตรวจสอบหน่วยของ DBH (อ่านเซนติเมตรเป็นมิลลิเมตรหรือไม่) และหน่วยความสูง (เมตร)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/units.py" line="181" />
      <source>Median height/DBH is {ratio:.2f} m per cm (trees usually have 0.3–1.2): the DBH values look about π times too large — if the column holds girths (circumference), choose the girth unit.</source>
      <translation>ค่ามัธยฐานของความสูง/DBH คือ {ratio:.2f} ม. ต่อ ซม. (ต้นไม้ทั่วไป 0.3–1.2): ค่า DBH ดูใหญ่ไปราว π เท่า — หากคอลัมน์นี้เป็นเส้นรอบวง ให้เลือกหน่วยเส้นรอบวง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="185" />
      <source>Meets target (1/0)</source>
      <translation>ผ่านเป้าหมาย (1/0)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="469" />
      <source>Memory control only; results do not depend on it.</source>
      <translation>ใช้ควบคุมหน่วยความจำเท่านั้น ผลลัพธ์ไม่ขึ้นกับค่านี้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plots_common.py" line="379" />
      <source>Merge (merge map, else whole-sample estimate)</source>
      <translation>รวมชั้นภูมิ (ตามผังการรวม มิฉะนั้นใช้การประมาณจากตัวอย่างทั้งหมด)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plots_common.py" line="389" />
      <source>Merge map</source>
      <translation>ผังการรวมชั้นภูมิ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Method and municipality</source>
      <translation>วิธีการและเทศบาล</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="348" />
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="194" />
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="299" />
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="282" />
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Method pack</source>
      <translation>ชุดวิธีการ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="276" />
      <source>Method pack and version</source>
      <translation>ชุดวิธีการและรุ่น</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="320" />
      <source>Method pack label</source>
      <translation>ชื่อชุดวิธีการ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="553" />
      <source>Method {m} {v}; equation library {e}</source>
      <translation>วิธีการ {m} {v}; คลังสมการ {e}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="233" />
      <source>Minimum DBH {d} cm ({src}); saplings: {rule}.</source>
      <translation>DBH ต่ำสุด {d} cm ({src}); ไม้หนุ่ม (ลูกไม้): {rule}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="506" />
      <source>Minimum DBH {d} cm; DBH shrink tolerance {t} cm.</source>
      <translation>DBH ต่ำสุด {d} cm; ค่าที่ยอมรับได้เมื่อ DBH ลดลง {t} cm</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="288" />
      <source>Minimum distance between plot centres (m)</source>
      <translation>ระยะห่างต่ำสุดระหว่างจุดศูนย์กลางแปลง (m)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="650" />
      <source>Minimum distance raised from {d:g} m to {e:.2f} m so that plots never overlap.</source>
      <translation>เพิ่มระยะห่างต่ำสุดจาก {d:g} m เป็น {e:.2f} m เพื่อไม่ให้แปลงซ้อนทับกัน</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="103" />
      <source>Minimum mapping unit (m²)</source>
      <translation>หน่วยพื้นที่เล็กที่สุดที่ทำแผนที่ (m²)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="266" />
      <source>Minimum mapping unit {mmu:.0f} m² = {px} pixels; green area before/after: {raw:.1f} / {after:.1f} rai</source>
      <translation>หน่วยพื้นที่เล็กที่สุดที่ทำแผนที่ {mmu:.0f} m² = {px} จุดภาพ; พื้นที่สีเขียวก่อน/หลัง: {raw:.1f} / {after:.1f} ไร่</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="239" />
      <source>Minimum plots inside a polygon</source>
      <translation>จำนวนแปลงขั้นต่ำภายในรูปปิด</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="226" />
      <source>Minimum plots per stratum</source>
      <translation>จำนวนแปลงขั้นต่ำต่อชั้นภูมิ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="133" />
      <source>Minimum points per class</source>
      <translation>จำนวนจุดขั้นต่ำต่อประเภท</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plots_common.py" line="400" />
      <source>Minimum tree DBH (cm)</source>
      <translation>DBH ต่ำสุดของต้นไม้ (cm)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="411" />
      <source>Model RSE for equations without one (log scale)</source>
      <translation>Model RSE สำหรับสมการที่ไม่มีค่านี้ (สเกลลอการิทึม)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="216" />
      <source>Model file</source>
      <translation>ไฟล์แบบจำลอง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="374" />
      <source>Model residual + relative error on measured heights</source>
      <translation>ความคลาดเคลื่อนส่วนเหลือของแบบจำลอง + ความคลาดเคลื่อนสัมพัทธ์ของความสูงที่วัด</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="342" />
      <source>Model written to {p}</source>
      <translation>บันทึกแบบจำลองไปที่ {p} แล้ว</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Multi-stem</source>
      <translation>หลายลำต้น</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="328" />
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="149" />
      <source>Multi-stem field</source>
      <translation>ฟิลด์หลายลำต้น</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="94" />
      <location filename="../../carbon_pool_plugin/algorithms/vegetation_indices.py" line="47" />
      <source>Multiband image</source>
      <translation>ภาพหลายแบนด์</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/mapping_common.py" line="95" />
      <source>Multiplier from DN to reflectance; empty uses the preset (Custom: the band's own scale metadata, else 1).</source>
      <translation>ตัวคูณแปลงค่า DN เป็นค่าการสะท้อน หากเว้นว่างจะใช้ค่าที่ตั้งไว้ล่วงหน้า (กำหนดเอง: ใช้ค่า scale ใน metadata ของแบนด์ มิฉะนั้นใช้ 1)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_raster.py" line="153" />
      <source>Municipal boundaries</source>
      <translation>ขอบเขตเทศบาล</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="194" />
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="128" />
      <source>Municipal boundary</source>
      <translation>ขอบเขตเทศบาล</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="76" />
      <source>Municipal carbon report (PDF and HTML)</source>
      <translation>รายงานคาร์บอนของเทศบาล (PDF และ HTML)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="180" />
      <source>Municipal total from the stratified estimate (its TOTAL_TCO2E output).</source>
      <translation>ค่ารวมระดับเทศบาลจากการประมาณค่าแบบแบ่งชั้นภูมิ (ผลลัพธ์ TOTAL_TCO2E)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="460" />
      <source>Municipalities computed</source>
      <translation>จำนวนเทศบาลที่คำนวณแล้ว</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="461" />
      <source>Municipalities failed</source>
      <translation>จำนวนเทศบาลที่ล้มเหลว</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="462" />
      <source>Municipalities skipped</source>
      <translation>จำนวนเทศบาลที่ข้าม</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="315" />
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Municipality</source>
      <translation>เทศบาล</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="350" />
      <source>Municipality area (ha)</source>
      <translation>พื้นที่เทศบาล (ha)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="261" />
      <source>Municipality boundaries</source>
      <translation>ขอบเขตเทศบาล (หลายเทศบาล)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="219" />
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="248" />
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Municipality boundary</source>
      <translation>ขอบเขตเทศบาล</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="211" />
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="347" />
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="231" />
      <source>Municipality code</source>
      <translation>รหัสเทศบาล</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="556" />
      <source>Municipality code(s) not found in the inputs: {codes}</source>
      <translation>ไม่พบรหัสเทศบาลเหล่านี้ในข้อมูลนำเข้า: {codes}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="205" />
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="236" />
      <source>Municipality name</source>
      <translation>ชื่อเทศบาล</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="405" />
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="218" />
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="242" />
      <source>Municipality type</source>
      <translation>ประเภทเทศบาล</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="713" />
      <source>Municipality {b:.2f} ha; green space {g:.2f} ha = {p:.1f} %.</source>
      <translation>เทศบาล {b:.2f} ha; พื้นที่สีเขียว {g:.2f} ha = {p:.1f} %</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="272" />
      <source>Municipality-code field</source>
      <translation>ฟิลด์รหัสเทศบาล</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="238" />
      <source>NDVI threshold (Otsu)</source>
      <translation>ค่าขีดแบ่ง NDVI (Otsu)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="298" />
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="309" />
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="310" />
      <source>NOT met</source>
      <translation>ไม่ผ่าน</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="285" />
      <source>Name field of the boundaries</source>
      <translation>ฟิลด์ชื่อของขอบเขตเทศบาล</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="311" />
      <source>Name of the baseline record (default: municipality + year).</source>
      <translation>ชื่อของระเบียนกรณีฐาน (ค่าเริ่มต้น: เทศบาล + ปี)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="274" />
      <source>Name of the code field in every input; the fields below override it.</source>
      <translation>ชื่อฟิลด์รหัสในข้อมูลนำเข้าทุกชั้น ฟิลด์ด้านล่างใช้แทนได้เป็นรายชั้น</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="316" />
      <source>Name or code; empty: read from the boundary (name_th, muni_code).</source>
      <translation>ชื่อหรือรหัส หากเว้นว่างจะอ่านจากขอบเขต (name_th, muni_code)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="238" />
      <source>Name shown in the summary.</source>
      <translation>ชื่อที่แสดงในสรุป</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/mapping_common.py" line="73" />
      <source>Near-infrared (NIR) band</source>
      <translation>แบนด์อินฟราเรดใกล้ (NIR)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="265" />
      <source>Needed by Chave 2014 Eq. 7 and Eq. 6a; read it from the Chave E raster for your site.</source>
      <translation>จำเป็นสำหรับ Chave 2014 Eq. 7 และ Eq. 6a อ่านค่าจากแรสเตอร์ Chave E ณ พื้นที่ของท่าน</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="339" />
      <source>Net change over the period (tCO2e)</source>
      <translation>การเปลี่ยนแปลงสุทธิตลอดช่วงเวลา (tCO2e)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="901" />
      <source>Network: {total} plots ({new} new, {existing} existing); shortfall {short}; seed {seed}</source>
      <translation>โครงข่ายแปลง: {total} แปลง (ใหม่ {new}, มีอยู่เดิม {existing}); ขาด {short}; seed {seed}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="423" />
      <source>New plots</source>
      <translation>แปลงใหม่</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="212" />
      <source>Neyman (area × SD)</source>
      <translation>Neyman (พื้นที่ × SD)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="484" />
      <source>No carbon stock: give the totals of the stratified estimate, its stratum table, or a polygon CO2e field.</source>
      <translation>ไม่มีปริมาณการกักเก็บคาร์บอน: ให้ระบุค่ารวมของการประมาณค่าแบบแบ่งชั้นภูมิ ตารางชั้นภูมิ หรือฟิลด์ CO2e ของรูปปิด</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="474" />
      <source>No green-space polygon has a stratum.</source>
      <translation>ไม่มีรูปปิดพื้นที่สีเขียวใดที่มีชั้นภูมิ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/vegetation_indices.py" line="91" />
      <source>No index can be computed with these bands.</source>
      <translation>ไม่สามารถคำนวณดัชนีใดได้จากแบนด์เหล่านี้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="428" />
      <source>No municipal boundary: the green share and target are left out.</source>
      <translation>ไม่มีขอบเขตเทศบาล: จึงไม่แสดงสัดส่วนพื้นที่สีเขียวและเป้าหมาย</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="566" />
      <source>No municipality code found in the field “{f}” of the inputs.</source>
      <translation>ไม่พบรหัสเทศบาลในฟิลด์ “{f}” ของข้อมูลนำเข้า</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="383" />
      <source>No municipality code: give Municipality code or a boundary layer with a muni_code field.</source>
      <translation>ไม่มีรหัสเทศบาล: ให้ระบุรหัสเทศบาล หรือชั้นข้อมูลขอบเขตที่มีฟิลด์ muni_code</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="597" />
      <source>No plot count for these strata; they get no plots: {list}</source>
      <translation>ไม่มีจำนวนแปลงสำหรับชั้นภูมิเหล่านี้ จึงไม่มีการวางแปลง: {list}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plots_common.py" line="294" />
      <source>No plot id field in the plots (looked for plot_id, plot, รหัสแปลง).</source>
      <translation>ไม่พบฟิลด์รหัสแปลงในข้อมูลแปลง (ค้นหา plot_id, plot, รหัสแปลง)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plots_common.py" line="211" />
      <source>No plot id field in the trees (looked for plot, plot_id, รหัสแปลง); choose it in “{p}”.</source>
      <translation>ไม่พบฟิลด์รหัสแปลงในข้อมูลต้นไม้ (ค้นหา plot, plot_id, รหัสแปลง) ให้เลือกใน “{p}”</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="442" />
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="669" />
      <source>No polygon of the strata layer “{layer}” has a stratum (field “{field}”) and an area ({n} feature(s) read): the estimate needs the area of each stratum. Check the strata layer and its stratum field.</source>
      <translation>ไม่มีรูปปิดใดในชั้นข้อมูลชั้นภูมิ “{layer}” ที่มีทั้งชั้นภูมิ (ฟิลด์ “{field}”) และพื้นที่ (อ่านได้ {n} ฟีเจอร์): การประมาณค่าต้องใช้พื้นที่ของแต่ละชั้นภูมิ โปรดตรวจสอบชั้นข้อมูลชั้นภูมิและฟิลด์ชั้นภูมิ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="547" />
      <source>No polygon with a stratum and a geometry.</source>
      <translation>ไม่มีรูปปิดที่มีทั้งชั้นภูมิและรูปทรงเรขาคณิต</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="296" />
      <source>No polygon with a stratum and an area.</source>
      <translation>ไม่มีรูปปิดที่มีทั้งชั้นภูมิและพื้นที่</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>No results yet.</source>
      <translation>ยังไม่มีผลลัพธ์</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="476" />
      <source>No totals given: the carbon stock is the sum of {field} over the polygons and has no interval.</source>
      <translation>ไม่ได้ระบุค่ารวม: ปริมาณการกักเก็บคาร์บอนคือผลรวมของ {field} ของทุกรูปปิด และไม่มีช่วงความเชื่อมั่น</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="299" />
      <source>No tree matched a plot: the {n} trees' plot ids (e.g. {trees}) are not among the plot ids (e.g. {plots}). Check the plot id fields of the trees and of the plots.</source>
      <translation>ไม่มีต้นไม้ใดตรงกับแปลง: รหัสแปลงของต้นไม้ {n} ต้น (เช่น {trees}) ไม่อยู่ในรหัสแปลงตัวอย่าง (เช่น {plots}) ให้ตรวจสอบฟิลด์รหัสแปลงของต้นไม้และของแปลง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="405" />
      <source>No tree tag field in {t} (looked for tag, tree_id, เลขป้าย).</source>
      <translation>ไม่พบฟิลด์เลขป้ายต้นไม้ใน {t} (ค้นหา tag, tree_id, เลขป้าย)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="354" />
      <source>No usable reference points.</source>
      <translation>ไม่มีจุดอ้างอิงที่ใช้ได้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="441" />
      <source>No valid image pixels fall inside the training features.</source>
      <translation>ไม่มีจุดภาพที่ถูกต้องตกอยู่ภายในฟีเจอร์สำหรับฝึก</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="125" />
      <source>Nominal plot area in m². Empty: the polygon's area (ellipsoidal for a geographic CRS); required for points and tables.</source>
      <translation>พื้นที่แปลงตามที่กำหนด (m²) หากเว้นว่างจะใช้พื้นที่ของรูปปิด (คำนวณบนทรงรีเมื่อเป็น CRS ภูมิศาสตร์) จำเป็นต้องระบุเมื่อเป็นจุดหรือตาราง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Nominal plot area in m²; empty: the polygon area.</source>
      <translation>พื้นที่แปลงตามที่กำหนด (m²) หากเว้นว่างจะใช้พื้นที่ของรูปปิด</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="246" />
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="347" />
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="372" />
      <source>None</source>
      <translation>ไม่มี</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="447" />
      <source>None (measurement and model error only)</source>
      <translation>ไม่มี (เฉพาะความคลาดเคลื่อนจากการวัดและแบบจำลอง)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="355" />
      <source>Normal error truncated to 0.1–500 cm. Modelled heights follow the simulated DBH through their H–D model.</source>
      <translation>ความคลาดเคลื่อนแบบปกติที่ตัดปลายไว้ที่ 0.1–500 cm ความสูงที่ได้จากแบบจำลองจะเปลี่ยนตาม DBH ที่จำลองผ่านแบบจำลอง H–D ของต้นนั้น</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="328" />
      <source>Number of Monte Carlo iterations (1000 recommended).</source>
      <translation>จำนวนรอบของ Monte Carlo (แนะนำ 1000)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="341" />
      <source>Number of PDF pages</source>
      <translation>จำนวนหน้า PDF</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="240" />
      <source>Number of classes</source>
      <translation>จำนวนประเภท</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="293" />
      <source>Number of flagged trees</source>
      <translation>จำนวนต้นไม้ที่มีเครื่องหมายตรวจสอบข้อมูล (flag)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="181" />
      <source>Number of plots</source>
      <translation>จำนวนแปลง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="188" />
      <source>Number of polygons</source>
      <translation>จำนวนรูปปิด</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="215" />
      <source>Number of sample points</source>
      <translation>จำนวนจุดตัวอย่าง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="292" />
      <source>Number of trees</source>
      <translation>จำนวนต้นไม้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="169" />
      <source>Number of trees of the random forest.</source>
      <translation>จำนวนต้นไม้ (tree) ของ random forest</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="182" />
      <source>Number of trees summed</source>
      <translation>จำนวนต้นไม้ที่นำมารวม</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="299" />
      <source>Number of years T of annual sequestration valued (t = 0 … T−1).</source>
      <translation>จำนวนปี T ของปริมาณการดูดซับคาร์บอนรายปีที่นำมาประเมินมูลค่า (t = 0 … T−1)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="171" />
      <source>Numeric per-hectare plot value: carbon_t_ha (default), biomass_t_ha, agb_t_ha, or any other (e.g. volume); set Value kind to match.</source>
      <translation>ค่าต่อเฮกตาร์ของแปลงที่เป็นตัวเลข: carbon_t_ha (ค่าเริ่มต้น), biomass_t_ha, agb_t_ha หรือค่าอื่นใด (เช่น ปริมาตร) ให้ตั้งค่า ชนิดของค่า ให้สอดคล้องกัน</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="173" />
      <source>One feature per plot (geometry of the plots): plot_id, stratum, date, n_trees, n_unusable, n_saplings, n_dead, agb/bgb/biomass/carbon/co2e in t/ha and t/rai, area_m2, fraction, effective_area_m2, method.</source>
      <translation>หนึ่งฟีเจอร์ต่อแปลง (รูปทรงเรขาคณิตของแปลง): plot_id, stratum, date, n_trees, n_unusable, n_saplings, n_dead, agb/bgb/biomass/carbon/co2e ในหน่วย t/ha และ t/rai, area_m2, fraction, effective_area_m2, method</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/vegetation_indices.py" line="59" />
      <source>One output band per selected index, in this order. An index whose bands are not mapped (e.g. NDBI without SWIR1) is skipped with a warning.</source>
      <translation>หนึ่งแบนด์ผลลัพธ์ต่อดัชนีที่เลือก ตามลำดับนี้ ดัชนีที่ไม่ได้กำหนดแบนด์ที่ต้องใช้ (เช่น NDBI ที่ไม่มี SWIR1) จะถูกข้ามพร้อมแสดงคำเตือน</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="396" />
      <source>One row per active plot, Thai/English headers, blank columns for tag, species, girth/DBH, height, status and notes; UTF-8 with BOM for Excel.</source>
      <translation>หนึ่งแถวต่อแปลงที่ใช้งานอยู่ หัวคอลัมน์ภาษาไทย/อังกฤษ มีคอลัมน์ว่างสำหรับเลขป้าย ชนิดไม้ เส้นรอบวง/DBH ความสูง สถานะ และหมายเหตุ เข้ารหัส UTF-8 with BOM สำหรับ Excel</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="230" />
      <source>One row per class: pixels, area m², area rai, share % of classified area.</source>
      <translation>หนึ่งแถวต่อประเภท: จำนวนจุดภาพ, พื้นที่ m², พื้นที่ ไร่, ร้อยละของพื้นที่ที่จำแนกประเภทแล้ว</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="454" />
      <source>One row per municipality: code, name, status (ok/failed/skipped), n_trees, n_plots, area_ha, total_tco2e, ci95_low/high, u90_pct, folder and message.</source>
      <translation>หนึ่งแถวต่อเทศบาล: code, name, status (ok/failed/skipped), n_trees, n_plots, area_ha, total_tco2e, ci95_low/high, u90_pct, folder และ message</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="269" />
      <source>One row per stratum and one row stratum = ALL (row_type total): area, n, mean, SD, SE, t, 90/95 % CI, U %, totals, deduction and conservative total.</source>
      <translation>หนึ่งแถวต่อชั้นภูมิ และหนึ่งแถว stratum = ALL (row_type total): พื้นที่, n, ค่าเฉลี่ย, SD, SE, t, CI 90/95 %, U %, ค่ารวม, การหักลด และค่ารวมแบบอนุรักษ์</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="126" />
      <source>One row per stratum plus the stratum = ALL total row (OUTPUT_STRATA of carbonpool:stratifiedestimate).</source>
      <translation>หนึ่งแถวต่อชั้นภูมิ พร้อมแถวรวม stratum = ALL (OUTPUT_STRATA ของ carbonpool:stratifiedestimate)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="307" />
      <source>One row per tag: class survivor/mortality/ingrowth/out_both, flags.</source>
      <translation>หนึ่งแถวต่อเลขป้าย: ประเภท survivor/mortality/ingrowth/out_both และเครื่องหมายตรวจสอบข้อมูล (flag)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="240" />
      <source>One row per tree with a municipality-code field (GPKG, CSV, PostGIS …).</source>
      <translation>หนึ่งแถวต่อต้นไม้ พร้อมฟิลด์รหัสเทศบาล (GPKG, CSV, PostGIS …)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="292" />
      <source>Only these municipalities</source>
      <translation>เฉพาะเทศบาลเหล่านี้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="285" />
      <source>Only {c:.1f} % of the boundary is covered by classified pixels; the green share refers to the covered part.</source>
      <translation>จุดภาพที่จำแนกประเภทแล้วครอบคลุมขอบเขตเพียง {c:.1f} % สัดส่วนพื้นที่สีเขียวจึงหมายถึงเฉพาะส่วนที่ครอบคลุม</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Open folder</source>
      <translation>เปิดโฟลเดอร์</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Open report</source>
      <translation>เปิดรายงาน</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="186" />
      <source>Open-grown field</source>
      <translation>ฟิลด์ต้นไม้ที่เติบโตในที่โล่ง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="390" />
      <source>Optional 10 × 10 m subplots (plot_id, subplot_no, subplot_id).</source>
      <translation>แปลงย่อยขนาด 10 × 10 m (plot_id, subplot_no, subplot_id) (ไม่บังคับ)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="233" />
      <source>Optional CSV with the same columns as the bundled library; expressions are parsed safely (never executed as code).</source>
      <translation>ไฟล์ CSV (ไม่บังคับ) ที่มีคอลัมน์เดียวกับคลังสมการที่รวมมากับปลั๊กอิน นิพจน์จะถูกแยกวิเคราะห์อย่างปลอดภัย (ไม่ถูกเรียกใช้เป็นโค้ด)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="113" />
      <source>Optional alive/dead/new (มีชีวิต/ตาย/ใหม่); empty: detected (status, สถานะ), else every tree is alive.</source>
      <translation>alive/dead/new (มีชีวิต/ตาย/ใหม่) (ไม่บังคับ) หากเว้นว่างจะตรวจหาเอง (status, สถานะ) มิฉะนั้นถือว่าต้นไม้ทุกต้นมีชีวิต</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="343" />
      <source>Optional alive/dead/new (มีชีวิต/ตาย/ใหม่); empty: detected.</source>
      <translation>ไม่บังคับ มีชีวิต/ตาย/ใหม่ (alive/dead/new) เว้นว่าง: ตรวจหาเอง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="271" />
      <source>Optional area in m² per row (e.g. for a table of strata); otherwise the polygon area (planar in a projected CRS, ellipsoidal in a geographic one).</source>
      <translation>พื้นที่ (m²) ของแต่ละแถว (ไม่บังคับ) (เช่น สำหรับตารางชั้นภูมิ) มิฉะนั้นใช้พื้นที่ของรูปปิด (คำนวณบนระนาบเมื่อเป็น CRS แบบฉาย และบนทรงรีเมื่อเป็น CRS ภูมิศาสตร์)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Optional boundary polygon: map frame and green share in the report.</source>
      <translation>รูปปิดขอบเขต (ไม่บังคับ): ใช้เป็นกรอบแผนที่และคำนวณสัดส่วนพื้นที่สีเขียวในรายงาน</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="127" />
      <source>Optional class names, stored in the model and the area table.</source>
      <translation>ชื่อประเภท (ไม่บังคับ) ซึ่งจะบันทึกไว้ในแบบจำลองและตารางพื้นที่</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="296" />
      <source>Optional codes separated by commas or semicolons; empty: every code found.</source>
      <translation>รหัสที่ต้องการ คั่นด้วยจุลภาคหรืออัฒภาค (ไม่บังคับ) เว้นว่าง: ทุกรหัสที่พบ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="376" />
      <source>Optional date of this measurement.</source>
      <translation>วันที่วัดครั้งนี้ (ไม่บังคับ)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="149" />
      <source>Optional date of this measurement; copied to the output.</source>
      <translation>วันที่ของการวัดครั้งนี้ (ไม่บังคับ) จะคัดลอกไปยังผลลัพธ์</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="200" />
      <source>Optional half-width of the 90 % interval relative to the mean (T-VER).</source>
      <translation>ครึ่งหนึ่งของความกว้างช่วง 90 % เทียบกับค่าเฉลี่ย (T-VER) (ไม่บังคับ)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="136" />
      <source>Optional layer or table of measured pilot plots; the mean and standard deviation of the value field per stratum replace the CVs.</source>
      <translation>ชั้นข้อมูลหรือตารางแปลงนำร่องที่วัดแล้ว (ไม่บังคับ) ค่าเฉลี่ยและส่วนเบี่ยงเบนมาตรฐานของฟิลด์ค่าในแต่ละชั้นภูมิจะใช้แทนค่า CV</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="166" />
      <source>Optional measured wood density; overrides the species table.</source>
      <translation>ความหนาแน่นของเนื้อไม้ที่วัดได้ (ไม่บังคับ) ใช้แทนค่าจากตารางชนิดไม้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="320" />
      <source>Optional municipal logo for the cover and the page headers.</source>
      <translation>โลโก้ของเทศบาล (ไม่บังคับ) สำหรับหน้าปกและหัวกระดาษ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="226" />
      <source>Optional nominal plot area in m²; otherwise the area of the plot polygon (planar in a projected CRS, ellipsoidal in a geographic one).</source>
      <translation>พื้นที่แปลงตามที่กำหนด (m²) (ไม่บังคับ) มิฉะนั้นใช้พื้นที่ของรูปปิดแปลง (คำนวณบนระนาบเมื่อเป็น CRS แบบฉาย และบนทรงรีเมื่อเป็น CRS ภูมิศาสตร์)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="215" />
      <source>Optional numeric field of the strata layer with the number of plots of the polygon's stratum (repeated on every polygon of the stratum).</source>
      <translation>ฟิลด์ตัวเลขของชั้นข้อมูลชั้นภูมิ (ไม่บังคับ) ที่ระบุจำนวนแปลงของชั้นภูมิของรูปปิดนั้น (ใส่ค่าซ้ำในทุกรูปปิดของชั้นภูมิเดียวกัน)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="179" />
      <source>Optional plot identifier; used for stand-level wood-density fallback and copied to the output for plot carbon.</source>
      <translation>รหัสแปลง (ไม่บังคับ) ใช้สำหรับค่าความหนาแน่นเนื้อไม้สำรองระดับหมู่ไม้ และคัดลอกไปยังผลลัพธ์เพื่อใช้คำนวณคาร์บอนของแปลง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="340" />
      <source>Optional points or footprints with a plot_id field (and optionally stratum and status). They are kept as they are; active ones count towards their stratum.</source>
      <translation>จุดหรือขอบเขตแปลง (ไม่บังคับ) ที่มีฟิลด์ plot_id (และอาจมี stratum และ status) จะคงไว้ตามเดิม แปลงที่ใช้งานอยู่จะนับรวมในชั้นภูมิของตน</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="302" />
      <source>Optional polygons (buildings, water, …) where no plot may lie.</source>
      <translation>รูปปิด (ไม่บังคับ) (อาคาร แหล่งน้ำ …) ที่ห้ามวางแปลง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="415" />
      <source>Optional project GeoPackage; plots not yet in its table carbonpool_plots are added with design parameters, seed, creation date and status. Existing layers in the file are not touched.</source>
      <translation>GeoPackage ของโครงการ (ไม่บังคับ) แปลงที่ยังไม่อยู่ในตาราง carbonpool_plots จะถูกเพิ่มพร้อมพารามิเตอร์การออกแบบ seed วันที่สร้าง และสถานะ ชั้นข้อมูลอื่นที่มีอยู่ในไฟล์จะไม่ถูกแก้ไข</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Optional second inventory of the same plots: adds the annual sequestration (stock change).</source>
      <translation>ข้อมูลการสำรวจต้นไม้ครั้งที่สองของแปลงเดิม (ไม่บังคับ): ใช้คำนวณปริมาณการดูดซับคาร์บอนรายปี (การเปลี่ยนแปลงปริมาณคาร์บอน)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="251" />
      <source>Optional share (0–1] of the plot tallied. Empty: 1.</source>
      <translation>สัดส่วน (0–1] ของแปลงที่สำรวจ (ไม่บังคับ) หากเว้นว่าง: 1</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="129" />
      <source>Optional share (0–1] of the plot that was tallied (e.g. the part inside the green space); effective area = area × fraction. Empty: 1.</source>
      <translation>สัดส่วน (0–1] ของแปลงที่สำรวจ (ไม่บังคับ) (เช่น ส่วนที่อยู่ภายในพื้นที่สีเขียว) พื้นที่ใช้งานจริง = พื้นที่ × สัดส่วน หากเว้นว่าง: 1</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="362" />
      <source>Optional share (0–1] of the plot that was tallied.</source>
      <translation>สัดส่วน (0–1] ของแปลงที่ได้สำรวจจริง (ไม่บังคับ)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="237" />
      <source>Optional share of the plot that was measured (0–1]; effective area = area × fraction.</source>
      <translation>สัดส่วนของแปลงที่วัด (0–1] (ไม่บังคับ) พื้นที่ใช้งานจริง = พื้นที่ × สัดส่วน</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="335" />
      <source>Optional single-file HTML with the same content (images embedded).</source>
      <translation>ไฟล์ HTML ไฟล์เดียวที่มีเนื้อหาเดียวกัน (ฝังรูปภาพไว้ในไฟล์) (ไม่บังคับ)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="136" />
      <source>Optional stratum of each plot; copied to the output. Empty: detected.</source>
      <translation>ชั้นภูมิของแต่ละแปลง (ไม่บังคับ) จะคัดลอกไปยังผลลัพธ์ หากเว้นว่างจะตรวจหาเอง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="366" />
      <source>Optional stratum of each plot; empty: detected, else by location.</source>
      <translation>ชั้นภูมิของแต่ละแปลง (ไม่บังคับ) เว้นว่าง: ตรวจหาเอง มิฉะนั้นใช้ตำแหน่ง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="355" />
      <source>Optional stratum:code pairs, e.g. park:PK;street:ST. Default: the first two letters of the stratum, upper-cased.</source>
      <translation>คู่ stratum:code (ไม่บังคับ) เช่น park:PK;street:ST ค่าเริ่มต้น: อักษรสองตัวแรกของชื่อชั้นภูมิ เป็นตัวพิมพ์ใหญ่</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="227" />
      <source>Optional table with the fields stratum and n_h, e.g. the output of “Sample size and allocation of permanent plots”. Takes precedence.</source>
      <translation>ตาราง (ไม่บังคับ) ที่มีฟิลด์ stratum และ n_h เช่น ผลลัพธ์ของ “ขนาดตัวอย่างและการจัดสรรแปลงตัวอย่างถาวร” มีลำดับความสำคัญสูงกว่า</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Optional total height in metres.</source>
      <translation>ความสูงทั้งหมดเป็นเมตร (ไม่บังคับ)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="336" />
      <source>Optional total height; missing heights use the local H–D model.</source>
      <translation>ความสูงทั้งหมด (ไม่บังคับ) ความสูงที่ขาดใช้แบบจำลอง H–D ของพื้นที่</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="195" />
      <source>Optional total in tonnes of carbon; otherwise tCO2e × 12/44.</source>
      <translation>ค่ารวมเป็นตันคาร์บอน (ไม่บังคับ) มิฉะนั้นคำนวณจาก tCO2e × 12/44</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="158" />
      <source>Optional total tree height in metres; missing heights are modelled as set by Height model. Equations that need no height never require it.</source>
      <translation>ความสูงทั้งหมดของต้นไม้เป็นเมตร (ไม่บังคับ) ความสูงที่ขาดหายจะประมาณด้วยแบบจำลองตามที่ตั้งไว้ใน แบบจำลองความสูง สมการที่ไม่ใช้ความสูงจะไม่ต้องการค่านี้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="187" />
      <source>Optional yes/no (or crown light exposure 4–5): the i-Tree method multiplies the biomass of open-grown urban trees by 0.8.</source>
      <translation>ใช่/ไม่ใช่ (หรือระดับการรับแสงของเรือนยอด 4–5) (ไม่บังคับ): วิธีของ i-Tree จะคูณมวลชีวภาพของต้นไม้ในเมืองที่เติบโตในที่โล่งด้วย 0.8</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="205" />
      <source>Optional, from the stock-change algorithm; leave empty if not computed.</source>
      <translation>ไม่บังคับ ได้จากอัลกอริทึมการเปลี่ยนแปลงปริมาณคาร์บอน ให้เว้นว่างหากไม่ได้คำนวณ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="296" />
      <source>Optional: a PostgreSQL connection, as a libpq string (dbname=carbon host=db.example.org port=5432 user=officer) or a URI (postgresql://officer@db.example.org:5432/carbon). Appends one record to the table carbonpool_baselines of that database (created if missing), so several municipalities can share one database; records are never changed or deleted. Prefer a password file (.pgpass) or service over a password in the string. Needs the Python module psycopg2.</source>
      <translation>ไม่บังคับ: การเชื่อมต่อ PostgreSQL ในรูปแบบสตริง libpq (dbname=carbon host=db.example.org port=5432 user=officer) หรือ URI (postgresql://officer@db.example.org:5432/carbon) จะเพิ่มระเบียนหนึ่งรายการลงในตาราง carbonpool_baselines ของฐานข้อมูลนั้น (สร้างใหม่หากยังไม่มี) เพื่อให้หลายเทศบาลใช้ฐานข้อมูลร่วมกันได้ ระเบียนจะไม่ถูกแก้ไขหรือลบ ควรใช้ไฟล์รหัสผ่าน (.pgpass) หรือ service แทนการใส่รหัสผ่านในสตริง ต้องมีโมดูล Python psycopg2</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="283" />
      <source>Optional: appends one record to the table carbonpool_baselines of this GeoPackage (created if missing). Records are never changed or deleted.</source>
      <translation>ไม่บังคับ: เพิ่มหนึ่งระเบียนลงในตาราง carbonpool_baselines ของ GeoPackage นี้ (สร้างให้หากยังไม่มี) ระเบียนจะไม่ถูกแก้ไขหรือลบ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="180" />
      <source>Optional: class areas from the green-space mapping algorithms.</source>
      <translation>ไม่บังคับ: พื้นที่รายประเภทจากอัลกอริทึมการทำแผนที่พื้นที่สีเขียว</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="138" />
      <source>Optional: for the DBH chart, the top species, the equations used and the data-quality flags.</source>
      <translation>ไม่บังคับ: สำหรับแผนภูมิ DBH ชนิดไม้ที่พบมากที่สุด สมการที่ใช้ และเครื่องหมายตรวจสอบคุณภาพข้อมูล (flag)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="252" />
      <source>Optional: gives the municipality area and the green-space share.</source>
      <translation>ไม่บังคับ: ใช้หาพื้นที่เทศบาลและสัดส่วนพื้นที่สีเขียว</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="224" />
      <source>Optional: its area gives the green share (%). Fields muni_code, name_th and population are used when the parameters below are empty.</source>
      <translation>ไม่บังคับ: พื้นที่ของขอบเขตใช้คำนวณสัดส่วนพื้นที่สีเขียว (%) ฟิลด์ muni_code, name_th และ population จะถูกใช้เมื่อพารามิเตอร์ด้านล่างเว้นว่าง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="189" />
      <source>Optional: overall accuracy and kappa from carbonpool:accuracyassessment.</source>
      <translation>ไม่บังคับ: ความถูกต้องโดยรวมและค่า kappa จาก carbonpool:accuracyassessment</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="140" />
      <source>Optional: plots with status “abandoned” (or ยกเลิก) are left out and reported, unless the date field has a date for them (measured this time).</source>
      <translation>ไม่บังคับ: แปลงที่มีสถานะ “abandoned” (หรือ ยกเลิก) จะถูกตัดออกและรายงานไว้ เว้นแต่ฟิลด์วันที่มีวันที่ของแปลงนั้น (วัดในครั้งนี้)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="370" />
      <source>Optional: plots with status “abandoned” are left out.</source>
      <translation>ไม่บังคับ: แปลงที่มีสถานะ “abandoned” จะไม่ถูกนำมาใช้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="159" />
      <source>Optional: polygons with annual sequestration; adds a map page.</source>
      <translation>ไม่บังคับ: รูปปิดที่มีปริมาณการดูดซับคาร์บอนรายปี จะเพิ่มหน้าแผนที่</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="280" />
      <source>Optional: radius of the circle or side of the square, in metres. Subplots are kept only when the side is a multiple of 10 m.</source>
      <translation>ไม่บังคับ: รัศมีของวงกลมหรือความยาวด้านของสี่เหลี่ยมจัตุรัส เป็นเมตร จะคงแปลงย่อยไว้เฉพาะเมื่อความยาวด้านเป็นพหุคูณของ 10 m</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="412" />
      <source>Optional: residual standard error on the natural-log scale applied to equations that have no rse in the library.</source>
      <translation>ไม่บังคับ: ค่าความคลาดเคลื่อนมาตรฐานของส่วนเหลือบนสเกลลอการิทึมธรรมชาติ ใช้กับสมการที่ไม่มีค่า rse ในคลังสมการ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="150" />
      <source>Optional: several stem diameters/girths in one cell ("45;30"), same unit as DBH; combined as √Σd², the diameter of one stem with the same basal area.</source>
      <translation>ไม่บังคับ: เส้นผ่านศูนย์กลาง/เส้นรอบวงของหลายลำต้นในเซลล์เดียว ("45;30") หน่วยเดียวกับ DBH รวมเป็น √Σd² คือเส้นผ่านศูนย์กลางของลำต้นเดียวที่มีพื้นที่หน้าตัดเท่ากัน</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Optional: several stem sizes in one cell, e.g. 45;30.</source>
      <translation>ไม่บังคับ: ขนาดของหลายลำต้นในเซลล์เดียว เช่น 45;30</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="330" />
      <source>Optional: several stems in one cell ("45;30"), same unit as DBH.</source>
      <translation>ไม่บังคับ: หลายลำต้นในช่องเดียว ("45;30") หน่วยเดียวกับ DBH</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="168" />
      <source>Optional: the error budget of carbonpool:uncertainty (source and share of variance); adds the error-budget chart and the seed.</source>
      <translation>ไม่บังคับ: งบความคลาดเคลื่อน (error budget) จาก carbonpool:uncertainty (แหล่งที่มาและสัดส่วนของความแปรปรวน) จะเพิ่มแผนภูมิงบความคลาดเคลื่อนและค่า seed</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="265" />
      <source>Optional: the green share, the name of each municipality and the report map extent. Needs the municipality-code field too.</source>
      <translation>ไม่บังคับ: ใช้หาสัดส่วนพื้นที่สีเขียว ชื่อเทศบาล และขอบเขตแผนที่ในรายงาน ต้องมีฟิลด์รหัสเทศบาลด้วย</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="156" />
      <source>Optional: the stratified estimate's stratum table; its row stratum = ALL gives the total and its 95 % interval when the numbers below are empty.</source>
      <translation>ไม่บังคับ: ตารางชั้นภูมิของการประมาณค่าแบบแบ่งชั้นภูมิ แถว stratum = ALL ให้ค่ารวมและช่วง 95 % เมื่อค่าตัวเลขด้านล่างเว้นว่าง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="150" />
      <source>Optional: the table of carbonpool:stockchange (annual sequestration).</source>
      <translation>ไม่บังคับ: ตารางของ carbonpool:stockchange (ปริมาณการดูดซับคาร์บอนรายปี)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="171" />
      <source>Optional: tree, palm, bamboo, liana, mangrove; otherwise taken from the species table.</source>
      <translation>ไม่บังคับ: tree, palm, bamboo, liana, mangrove (ต้นไม้ ปาล์ม ไผ่ ไม้เถา ไม้ป่าชายเลน) มิฉะนั้นใช้ค่าจากตารางชนิดไม้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="207" />
      <source>Optional: trees marked dead / removed (dead, ตาย, …) are left out.</source>
      <translation>ไม่บังคับ: ต้นไม้ที่ระบุว่าตาย / ถูกตัดออก (dead, ตาย, …) จะไม่นำมาคำนวณ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="164" />
      <source>Optional; empty reads the map class from the class raster at each point.</source>
      <translation>ไม่บังคับ หากเว้นว่างจะอ่านประเภทในแผนที่จากแรสเตอร์ประเภท ณ แต่ละจุด</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="197" />
      <source>Other (no carbon conversion)</source>
      <translation>อื่น ๆ (ไม่แปลงเป็นคาร์บอน)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="292" />
      <source>Otsu NDVI threshold: {t:.4f}</source>
      <translation>ค่าขีดแบ่ง NDVI ของ Otsu: {t:.4f}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/vegetation_indices.py" line="71" />
      <source>Output bands</source>
      <translation>แบนด์ผลลัพธ์</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="447" />
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="285" />
      <location filename="../../carbon_pool_plugin/ui/dock.py" line="127" />
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Output folder</source>
      <translation>โฟลเดอร์ผลลัพธ์</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="192" />
      <source>Output of Tree biomass and carbon: needs dbh_cm, height_m, height_source, wd, wd_sd, wd_level, equation_id, agb_kg, bgb_kg and carbon_kg.</source>
      <translation>ผลลัพธ์ของ มวลชีวภาพและคาร์บอนของต้นไม้: ต้องมี dbh_cm, height_m, height_source, wd, wd_sd, wd_level, equation_id, agb_kg, bgb_kg และ carbon_kg</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="159" />
      <source>Output of carbonpool:plotcarbon, or any plot layer/table.</source>
      <translation>ผลลัพธ์ของ carbonpool:plotcarbon หรือชั้นข้อมูล/ตารางแปลงใดก็ได้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="106" />
      <source>Output of carbonpool:treebiomass (agb_kg, bgb_kg, carbon_kg, …).</source>
      <translation>ผลลัพธ์ของ carbonpool:treebiomass (agb_kg, bgb_kg, carbon_kg, …)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="221" />
      <source>Output of carbonpool:treebiomass for this measurement (same fields).</source>
      <translation>ผลลัพธ์ของ carbonpool:treebiomass สำหรับการวัดครั้งนี้ (ฟิลด์เดียวกัน)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="89" />
      <source>Output of ‘Classify green space’ (or any integer class raster).</source>
      <translation>ผลลัพธ์ของ ‘จำแนกประเภทพื้นที่สีเขียว’ (หรือแรสเตอร์ประเภทที่เป็นจำนวนเต็มใดก็ได้)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="211" />
      <source>Overall accuracy (area-weighted)</source>
      <translation>ความถูกต้องโดยรวม (ถ่วงน้ำหนักด้วยพื้นที่)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="213" />
      <source>Overall accuracy (sample counts)</source>
      <translation>ความถูกต้องโดยรวม (ตามจำนวนตัวอย่าง)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="212" />
      <source>Overall accuracy 95 % CI half-width</source>
      <translation>ครึ่งหนึ่งของความกว้างช่วงความเชื่อมั่น 95 % ของความถูกต้องโดยรวม</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="392" />
      <source>Overall accuracy {oa:.3f} ± {ci:.3f} (area-weighted), {oas:.3f} (sample counts); kappa {k:.3f}; {n} points</source>
      <translation>ความถูกต้องโดยรวม {oa:.3f} ± {ci:.3f} (ถ่วงน้ำหนักด้วยพื้นที่), {oas:.3f} (ตามจำนวนตัวอย่าง); kappa {k:.3f}; {n} จุด</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="107" />
      <source>Packages the carbon-stock map for DCCE's Green Digital Platform (GreenArea): a GeoPackage of the green-space polygons with their carbon, plus a JSON summary (municipality code and type, year in B.E. and C.E., green area in rai and as a share of the municipality, m² per person, carbon stock and annual sequestration in tCO2e with 95 % intervals, method and equation pack versions, plugin version, timestamp).

GreenArea publishes no exchange format or API, so this is a PROPOSED format; the JSON is validated against the schema shipped with the plugin (data/schema/greenarea_export.schema.json, documented in docs/greenarea_export.md). Nothing is uploaded: the algorithm makes no network connection. Both files appear only when both are complete.</source>
      <translation>จัดเตรียมแผนที่ปริมาณการกักเก็บคาร์บอนสำหรับแพลตฟอร์ม Green Digital Platform (GreenArea) ของ DCCE: GeoPackage ของรูปปิดพื้นที่สีเขียวพร้อมค่าคาร์บอน และไฟล์สรุป JSON (รหัสและประเภทเทศบาล ปีเป็น พ.ศ. และ ค.ศ. พื้นที่สีเขียวเป็นไร่และเป็นสัดส่วนของพื้นที่เทศบาล m² ต่อคน ปริมาณการกักเก็บคาร์บอนและปริมาณการดูดซับคาร์บอนรายปีเป็น tCO2e พร้อมช่วง 95 % รุ่นของชุดวิธีการและชุดสมการ รุ่นของปลั๊กอิน และเวลาที่สร้าง)

GreenArea ไม่ได้เผยแพร่รูปแบบการแลกเปลี่ยนข้อมูลหรือ API ไว้ ดังนั้นรูปแบบนี้จึงเป็นรูปแบบที่ เสนอ (PROPOSED) ไฟล์ JSON จะถูกตรวจสอบกับ schema ที่มาพร้อมปลั๊กอิน (data/schema/greenarea_export.schema.json อธิบายไว้ใน docs/greenarea_export.md) ไม่มีการอัปโหลดข้อมูลใด ๆ: อัลกอริทึมนี้ไม่เชื่อมต่อเครือข่าย ไฟล์ทั้งสองจะถูกสร้างขึ้นเฉพาะเมื่อข้อมูลครบถ้วนทั้งสองไฟล์</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="850" />
      <source>Paired plots (AR-TOOL14 6.2): n = {n}, {y:.3f} yr; net {net:.1f} tCO2e; annual {a:.1f} tCO2e/yr (90 % CI {lo:.1f} – {hi:.1f}; U {u:.1f} %; deduction {d:.0f} % → conservative {c:.1f} tCO2e/yr).</source>
      <translation>แปลงคู่ (AR-TOOL14 6.2): n = {n}, {y:.3f} ปี; สุทธิ {net:.1f} tCO2e; รายปี {a:.1f} tCO2e/ปี (CI 90 % {lo:.1f} – {hi:.1f}; U {u:.1f} %; หักลด {d:.0f} % → แบบอนุรักษ์ {c:.1f} tCO2e/ปี)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="109" />
      <source>Patches smaller than this are sieved away before polygonising (0 = keep all).</source>
      <translation>กลุ่มจุดภาพที่เล็กกว่าค่านี้จะถูกกรองออก (sieve) ก่อนแปลงเป็นรูปปิด (0 = เก็บไว้ทั้งหมด)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="313" />
      <source>Per plot: gross growth, mortality (negative), net change (tC/ha) and annual rates.</source>
      <translation>รายแปลง: การเติบโตรวม การตาย (ค่าลบ) การเปลี่ยนแปลงสุทธิ (tC/ha) และอัตรารายปี</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="322" />
      <source>Per stratum and ALL, for the paired (AR-TOOL14 §6.2) and independent (§6.1) methods: annual change, SE, 90/95 % intervals, tCO2e/yr.</source>
      <translation>รายชั้นภูมิและ ALL สำหรับวิธีแปลงคู่ (AR-TOOL14 §6.2) และวิธีประมาณแยกอิสระ (§6.1): การเปลี่ยนแปลงรายปี SE ช่วง 90/95 % และ tCO2e/ปี</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="199" />
      <source>Per-class accuracy and adjusted areas</source>
      <translation>ความถูกต้องรายประเภทและพื้นที่ที่ปรับแก้แล้ว</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="169" />
      <source>Per-hectare value to estimate</source>
      <translation>ค่าต่อเฮกตาร์ที่ต้องการประมาณ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="265" />
      <source>Per-plot date of t1; an empty date means not measured at t1.</source>
      <translation>วันที่ของ t1 รายแปลง วันที่ว่างหมายถึงไม่ได้วัดใน t1</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="270" />
      <source>Per-plot date of t2; an empty date means not re-measured.</source>
      <translation>วันที่ของ t2 รายแปลง วันที่ว่างหมายถึงไม่ได้วัดซ้ำ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="157" />
      <source>Per-plot value, e.g. carbon in t/ha (plots with no trees are 0).</source>
      <translation>ค่ารายแปลง เช่น คาร์บอนในหน่วย t/ha (แปลงที่ไม่มีต้นไม้มีค่าเป็น 0)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="395" />
      <source>Per-tree sd of the wood density (species 0.0708, genus 0.0941, family 0.1234 g/cm³ by default); truncated to 0.08–1.39 g/cm³.</source>
      <translation>ค่า sd ของความหนาแน่นของเนื้อไม้รายต้น (ค่าเริ่มต้น ระดับชนิด 0.0708 ระดับสกุล 0.0941 ระดับวงศ์ 0.1234 g/cm³) ตัดปลายไว้ที่ 0.08–1.39 g/cm³</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="246" />
      <source>Permanent plots with area, fraction, stratum, status and dates.</source>
      <translation>แปลงตัวอย่างถาวรพร้อมพื้นที่ สัดส่วน ชั้นภูมิ สถานะ และวันที่</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Permanent sample plots (polygons, points or a table).</source>
      <translation>แปลงตัวอย่างถาวร (รูปปิด จุด หรือตาราง)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="131" />
      <source>Pilot plots</source>
      <translation>แปลงนำร่อง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="311" />
      <source>Pilot plots need the pilot stratum field and the pilot value field.</source>
      <translation>แปลงนำร่องต้องระบุฟิลด์ชั้นภูมิของแปลงนำร่องและฟิลด์ค่าของแปลงนำร่อง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="314" />
      <source>Pilot plots read: {n}</source>
      <translation>อ่านแปลงนำร่องแล้ว: {n}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="144" />
      <source>Pilot stratum field</source>
      <translation>ฟิลด์ชั้นภูมิของแปลงนำร่อง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="152" />
      <source>Pilot value field</source>
      <translation>ฟิลด์ค่าของแปลงนำร่อง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="153" />
      <source>Places permanent sample plots in green-space strata: stratified random, or a systematic grid with a random start. Plot shapes: 0.04 ha circle (i-Tree), 20 × 20 m, 40 × 40 m with 16 subplots of 10 × 10 m (GISTDA) or the TGO 100 × 100 m plot with 100 subplots numbered serpentine (1 at the SE corner running north to 10, then south to 20, …).

Plots per stratum come from the samplesize table, a field, or one number. Existing permanent plots are kept untouched and count towards their stratum; only the shortfall is added, with ids &lt;municipality&gt;-&lt;stratum code&gt;-&lt;nnnn&gt; continuing after the existing ones. The same seed and inputs always give the same plots.

Distances and areas are in metres: a geographic layer is projected to its UTM zone (47N or 48N in Thailand) for the design and the result is written back in the layer's CRS. When the plots do not fit (small polygons, minimum distance), the algorithm places what fits and reports the shortfall per stratum.

Also writes a field sheet (CSV, UTF-8 with BOM, Thai/English headers), a GPX of plot centres and, optionally, the plot registry table carbonpool_plots in a GeoPackage.</source>
      <translation>วางแปลงตัวอย่างถาวรในชั้นภูมิพื้นที่สีเขียว: แบบสุ่มแบ่งชั้นภูมิ หรือแบบกริดเป็นระบบที่มีจุดเริ่มต้นแบบสุ่ม รูปร่างแปลง: วงกลม 0.04 ha (i-Tree), 20 × 20 m, 40 × 40 m ที่มีแปลงย่อย 16 แปลงขนาด 10 × 10 m (GISTDA) หรือแปลงขนาด 100 × 100 m ของ TGO ที่มีแปลงย่อย 100 แปลงซึ่งกำหนดหมายเลขแบบงูเลื้อย (1 อยู่ที่มุมตะวันออกเฉียงใต้ ไล่ขึ้นไปทางทิศเหนือถึง 10 แล้วไล่ลงทางทิศใต้ถึง 20 …)

จำนวนแปลงต่อชั้นภูมิได้จากตาราง samplesize ฟิลด์ หรือตัวเลขเดียว แปลงตัวอย่างถาวรที่มีอยู่เดิมจะคงไว้โดยไม่เปลี่ยนแปลงและนับรวมในชั้นภูมิของตน จะเพิ่มเฉพาะจำนวนที่ยังขาด โดยใช้รหัส &lt;municipality&gt;-&lt;stratum code&gt;-&lt;nnnn&gt; ต่อจากรหัสที่มีอยู่ ค่า seed และข้อมูลนำเข้าชุดเดียวกันจะให้แปลงชุดเดิมเสมอ

ระยะทางและพื้นที่มีหน่วยเป็นเมตร: ชั้นข้อมูลในระบบพิกัดภูมิศาสตร์จะถูกฉายไปยังโซน UTM ของชั้นข้อมูลนั้น (47N หรือ 48N ในประเทศไทย) เพื่อการออกแบบ และเขียนผลลัพธ์กลับในระบบ CRS ของชั้นข้อมูล หากวางแปลงไม่ได้ครบ (รูปปิดเล็ก ระยะห่างต่ำสุด) อัลกอริทึมจะวางเท่าที่วางได้และรายงานจำนวนที่ขาดในแต่ละชั้นภูมิ

นอกจากนี้ยังสร้างแบบบันทึกภาคสนาม (CSV, UTF-8 with BOM, หัวคอลัมน์ภาษาไทย/อังกฤษ) ไฟล์ GPX ของจุดศูนย์กลางแปลง และตารางทะเบียนแปลง carbonpool_plots ใน GeoPackage (ไม่บังคับ)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/dock.py" line="370" />
      <source>Please choose: {items}.</source>
      <translation>กรุณาเลือก: {items}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Plot and stratum fields</source>
      <translation>ฟิลด์แปลงและชั้นภูมิ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="198" />
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Plot area (m²)</source>
      <translation>พื้นที่แปลง (m²)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plots_common.py" line="441" />
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="224" />
      <source>Plot area field (m²)</source>
      <translation>ฟิลด์พื้นที่แปลง (m²)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plots_common.py" line="331" />
      <source>Plot areas from field “{f}”.</source>
      <translation>พื้นที่แปลงจากฟิลด์ “{f}”</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plots_common.py" line="343" />
      <source>Plot areas from the footprint polygons. </source>
      <translation>พื้นที่แปลงจากรูปปิดขอบเขตแปลง </translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="171" />
      <location filename="../../carbon_pool_plugin/workflow_steps.py" line="205" />
      <source>Plot carbon</source>
      <translation>คาร์บอนของแปลง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="88" />
      <source>Plot carbon (per hectare and per rai)</source>
      <translation>คาร์บอนของแปลง (ต่อเฮกตาร์และต่อไร่)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="369" />
      <source>Plot centres</source>
      <translation>จุดศูนย์กลางแปลง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="403" />
      <source>Plot centres for GPS (GPX)</source>
      <translation>จุดศูนย์กลางแปลงสำหรับ GPS (GPX)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="312" />
      <source>Plot change</source>
      <translation>การเปลี่ยนแปลงรายแปลง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="377" />
      <source>Plot footprints</source>
      <translation>ขอบเขตแปลง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="121" />
      <source>Plot footprints (polygons), plot centres (points) or a table of plots.</source>
      <translation>ขอบเขตแปลง (รูปปิด) จุดศูนย์กลางแปลง (จุด) หรือตารางแปลง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="248" />
      <source>Plot footprints, centres or a table, with the municipality-code field.</source>
      <translation>รูปแปลง จุดศูนย์กลางแปลง หรือตาราง พร้อมฟิลด์รหัสเทศบาล</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="309" />
      <source>Plot fully inside the polygon</source>
      <translation>แปลงอยู่ภายในรูปปิดทั้งหมด</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Plot id</source>
      <translation>รหัสแปลง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plots_common.py" line="437" />
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="163" />
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="178" />
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="218" />
      <source>Plot id field</source>
      <translation>ฟิลด์รหัสแปลง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plots_common.py" line="416" />
      <source>Plot id field of the trees</source>
      <translation>ฟิลด์รหัสแปลงของต้นไม้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Plot identifier in the plot layer.</source>
      <translation>รหัสแปลงในชั้นข้อมูลแปลง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Plot identifier of each tree.</source>
      <translation>รหัสแปลงของต้นไม้แต่ละต้น</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="201" />
      <source>Plot identifier of each tree; matched to the plot id field.</source>
      <translation>รหัสแปลงของต้นไม้แต่ละต้น ใช้จับคู่กับฟิลด์รหัสแปลง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="410" />
      <source>Plot registry (GeoPackage)</source>
      <translation>ทะเบียนแปลง (GeoPackage)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="261" />
      <source>Plot shape</source>
      <translation>รูปร่างแปลง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="275" />
      <source>Plot size override (m)</source>
      <translation>กำหนดขนาดแปลงเอง (m)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plots_common.py" line="446" />
      <source>Plot status field</source>
      <translation>ฟิลด์สถานะแปลง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="527" />
      <source>Plot strata by location (plot centroid within the green-space polygons).</source>
      <translation>ชั้นภูมิของแปลงตามตำแหน่ง (จุดเซนทรอยด์ของแปลงอยู่ภายในรูปปิดพื้นที่สีเขียว)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="465" />
      <source>Plot strata by location.</source>
      <translation>ชั้นภูมิของแปลงตามตำแหน่ง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="522" />
      <source>Plot strata from the field “{f}”.</source>
      <translation>ชั้นภูมิของแปลงจากฟิลด์ “{f}”</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Plot stratum</source>
      <translation>ชั้นภูมิของแปลง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="365" />
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="254" />
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="180" />
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="246" />
      <source>Plot stratum field</source>
      <translation>ฟิลด์ชั้นภูมิของแปลง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="1121" />
      <source>Plot {id} is already registered at another position; the registry entry is kept (pass the registered plots as existing plots).</source>
      <translation>แปลง {id} ลงทะเบียนไว้แล้วที่ตำแหน่งอื่น จะคงรายการในทะเบียนไว้ (ให้ส่งแปลงที่ลงทะเบียนแล้วเป็นแปลงที่มีอยู่เดิม)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="119" />
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="244" />
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="212" />
      <source>Plots</source>
      <translation>แปลง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="245" />
      <source>Plots (all municipalities)</source>
      <translation>แปลงตัวอย่าง (ทุกเทศบาล)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="426" />
      <source>Plots added to the registry</source>
      <translation>แปลงที่เพิ่มลงในทะเบียน</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="642" />
      <source>Plots are not polygons: choose the plot area field.</source>
      <translation>แปลงไม่ใช่รูปปิด: ให้เลือกฟิลด์พื้นที่แปลง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="422" />
      <source>Plots in the network</source>
      <translation>แปลงในโครงข่าย</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="184" />
      <source>Plots left out (abandoned)</source>
      <translation>แปลงที่ถูกตัดออก (ยกเลิก)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="330" />
      <source>Plots measured with no trees (zeros): {ids}</source>
      <translation>แปลงที่วัดแล้วไม่มีต้นไม้ (ค่าเป็นศูนย์): {ids}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="197" />
      <source>Plots per stratum</source>
      <translation>จำนวนแปลงต่อชั้นภูมิ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="604" />
      <source>Plots per stratum ({origin}): {list}</source>
      <translation>จำนวนแปลงต่อชั้นภูมิ ({origin}): {list}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="210" />
      <source>Plots per stratum field</source>
      <translation>ฟิลด์จำนวนแปลงต่อชั้นภูมิ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="579" />
      <source>Plots per stratum must be &gt; 0 for the stratified random design.</source>
      <translation>จำนวนแปลงต่อชั้นภูมิต้องมากกว่า 0 สำหรับการออกแบบแบบสุ่มแบ่งชั้นภูมิ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="555" />
      <source>Plots per stratum: {c}</source>
      <translation>จำนวนแปลงต่อชั้นภูมิ: {c}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="352" />
      <source>Plots re-measured</source>
      <translation>แปลงที่วัดซ้ำ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="425" />
      <source>Plots that did not fit (shortfall)</source>
      <translation>แปลงที่วางไม่ได้ (จำนวนที่ขาด)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="249" />
      <source>Plots to place (sum of n_h)</source>
      <translation>จำนวนแปลงที่ต้องวาง (ผลรวมของ n_h)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="347" />
      <source>Plots used</source>
      <translation>แปลงที่ใช้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="156" />
      <source>Plots with per-hectare values</source>
      <translation>แปลงที่มีค่าต่อเฮกตาร์</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="259" />
      <source>Plots with status “abandoned” and no date are not measured at that time.</source>
      <translation>แปลงที่มีสถานะ “abandoned” และไม่มีวันที่ ถือว่าไม่ได้วัดในครั้งนั้น</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="354" />
      <source>Plots: {p}; trees summed: {t}; saplings excluded: {s}; dead: {d}; new (ingrowth, alive): {new}; unusable: {u}; orphans: {o}; mean {c:.3f} tC/ha.</source>
      <translation>แปลง: {p}; ต้นไม้ที่นำมารวม: {t}; ไม้หนุ่มที่ไม่นับ: {s}; ตาย: {d}; ใหม่ (ingrowth, มีชีวิต): {new}; ใช้ไม่ได้: {u}; ไม่มีแปลงที่ตรงกัน: {o}; ค่าเฉลี่ย {c:.3f} tC/ha</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="372" />
      <source>Points: plot_id, stratum, polygon_id, areas, fraction, UTM and WGS84.</source>
      <translation>จุด: plot_id, stratum, polygon_id, พื้นที่, สัดส่วน, พิกัด UTM และ WGS84</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="136" />
      <source>Polygon CO2e field (t)</source>
      <translation>ฟิลด์ CO2e ของรูปปิด (t)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="106" />
      <source>Polygon layer of the green areas; areas are planar in a projected CRS in metres and ellipsoidal otherwise.</source>
      <translation>ชั้นข้อมูลรูปปิดของพื้นที่สีเขียว พื้นที่คำนวณบนระนาบเมื่อเป็น CRS แบบฉายที่มีหน่วยเป็นเมตร มิฉะนั้นคำนวณบนทรงรี</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="184" />
      <source>Polygons in which plots are placed; any CRS (geographic is projected to UTM).</source>
      <translation>รูปปิดที่ใช้วางแปลง CRS ใดก็ได้ (ระบบพิกัดภูมิศาสตร์จะถูกฉายเป็น UTM)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="380" />
      <source>Polygons of the plots with the same fields as the centres.</source>
      <translation>รูปปิดของแปลงที่มีฟิลด์เดียวกับจุดศูนย์กลาง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="256" />
      <source>Polygons of the strata; the area of each stratum is the sum of its polygons (or of the stratum area field).</source>
      <translation>รูปปิดของชั้นภูมิ พื้นที่ของแต่ละชั้นภูมิคือผลรวมของรูปปิดในชั้นภูมินั้น (หรือของฟิลด์พื้นที่ชั้นภูมิ)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="261" />
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="153" />
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Population</source>
      <translation>จำนวนประชากร</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="232" />
      <source>Population (0 = from the boundary)</source>
      <translation>จำนวนประชากร (0 = จากขอบเขต)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="162" />
      <source>Population field of the boundary</source>
      <translation>ฟิลด์จำนวนประชากรของขอบเขต</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="265" />
      <source>Price used for the indicative value of the stock and of sequestration.</source>
      <translation>ราคาที่ใช้คำนวณมูลค่าโดยประมาณของคาร์บอนสะสมและการดูดซับคาร์บอน</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="123" />
      <source>Prior CV of plot carbon per stratum as stratum:cv pairs separated by ';', e.g. park:0.6;street:0.8 (0.6 = 60 %).</source>
      <translation>ค่า CV เบื้องต้นของคาร์บอนในแปลงต่อชั้นภูมิ เป็นคู่ stratum:cv คั่นด้วย ';' เช่น park:0.6;street:0.8 (0.6 = 60 %)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="133" />
      <source>Propagates the error of the measurements and models to every plot, stratum and the municipality total (t CO2e) by Monte Carlo, and combines it with the sampling error of the plot survey.

Each iteration re-computes every tree of the Tree biomass output with a perturbed DBH (Chave et al. 2004: sd = 0.0062·D + 0.0904 cm, optionally with 5 % large errors as the BIOMASS R package; or a relative / absolute sd), height (residual error of the height–diameter model; optionally a relative error on measured heights), wood density (its per-tree sd), allometric model error (equations with an RSE), carbon fraction and root:shoot ratio (one draw per iteration), then re-computes plot densities and the AR-TOOL14 stratified total. Sampling error is added analytically (design-based variance) or by a stratified bootstrap of plots.

Outputs: mean, median, sd and the 2.5 / 97.5 % quantiles per plot, stratum and total, and the error budget (variance of the total with each source alone and its share). The same seed gives bit-identical results for any chunk size.</source>
      <translation>ถ่ายทอดความคลาดเคลื่อนของการวัดและแบบจำลองไปยังทุกแปลง ทุกชั้นภูมิ และค่ารวมของเทศบาล (t CO2e) ด้วยวิธี Monte Carlo และรวมเข้ากับความคลาดเคลื่อนจากการสุ่มตัวอย่างของการสำรวจแปลง

ในแต่ละรอบจะคำนวณต้นไม้ทุกต้นในผลลัพธ์ของ มวลชีวภาพและคาร์บอนของต้นไม้ ใหม่ โดยรบกวนค่า DBH (Chave et al. 2004: sd = 0.0062·D + 0.0904 cm โดยเลือกเพิ่มความคลาดเคลื่อนขนาดใหญ่ 5 % ได้ตามแพ็กเกจ BIOMASS ของ R หรือใช้ sd แบบสัมพัทธ์ / สัมบูรณ์) ความสูง (ความคลาดเคลื่อนส่วนเหลือของแบบจำลองความสูง–เส้นผ่านศูนย์กลาง และเลือกเพิ่มความคลาดเคลื่อนสัมพัทธ์ของความสูงที่วัดได้) ความหนาแน่นของเนื้อไม้ (ค่า sd รายต้น) ความคลาดเคลื่อนของสมการแอลโลเมตรี (สมการที่มีค่า RSE) สัดส่วนคาร์บอน และอัตราส่วนราก:ลำต้น (สุ่มหนึ่งครั้งต่อรอบ) จากนั้นคำนวณความหนาแน่นคาร์บอนของแปลงและค่ารวมแบบแบ่งชั้นภูมิตาม AR-TOOL14 ใหม่ ความคลาดเคลื่อนจากการสุ่มตัวอย่างจะเพิ่มเข้าไปด้วยวิธีวิเคราะห์ (ความแปรปรวนตามแผนการสุ่มตัวอย่าง) หรือด้วย bootstrap ของแปลงแบบแบ่งชั้นภูมิ

ผลลัพธ์: ค่าเฉลี่ย มัธยฐาน sd และควอนไทล์ 2.5 / 97.5 % รายแปลง รายชั้นภูมิ และค่ารวม พร้อมงบความคลาดเคลื่อน (error budget: ความแปรปรวนของค่ารวมเมื่อพิจารณาแต่ละแหล่งเพียงแหล่งเดียว และสัดส่วนของแต่ละแหล่ง) ค่า seed เดียวกันให้ผลลัพธ์เหมือนกันทุกบิตไม่ว่าจะใช้ขนาด chunk เท่าใด</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="211" />
      <source>Proportional to area</source>
      <translation>ตามสัดส่วนพื้นที่</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="133" />
      <source>Random forest (scikit-learn; falls back to maximum likelihood)</source>
      <translation>Random forest (scikit-learn; หากไม่มีจะใช้ maximum likelihood แทน)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="140" />
      <source>Random forest needs scikit-learn (fixed random seed); maximum likelihood fits one Gaussian per class with equal priors; Otsu needs no training data.</source>
      <translation>Random forest ต้องใช้ scikit-learn (กำหนดค่า random seed คงที่) maximum likelihood ปรับการแจกแจง Gaussian หนึ่งชุดต่อประเภทโดยใช้ความน่าจะเป็นก่อนหน้าเท่ากัน ส่วน Otsu ไม่ต้องใช้ข้อมูลสำหรับฝึก (training)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="163" />
      <source>Random forest trees</source>
      <translation>จำนวนต้นไม้ของ random forest</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="142" />
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="155" />
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="323" />
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="336" />
      <source>Random seed</source>
      <translation>ค่า random seed</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="138" />
      <source>Rare classes get at least this many points with a total sample size.</source>
      <translation>ประเภทที่พบน้อยจะได้จำนวนจุดอย่างน้อยเท่านี้ภายใต้ขนาดตัวอย่างรวม</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Re-measurement date of each plot (stock change only).</source>
      <translation>วันที่วัดซ้ำของแต่ละแปลง (เฉพาะการเปลี่ยนแปลงปริมาณคาร์บอน)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="208" />
      <source>Read {n} trees ({fields}).</source>
      <translation>อ่านข้อมูลต้นไม้ {n} ต้น ({fields})</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="473" />
      <source>Read {n} trees; fields used: {fields}</source>
      <translation>อ่านข้อมูลต้นไม้ {n} ต้น; ฟิลด์ที่ใช้: {fields}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Ready.</source>
      <translation>พร้อม</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="287" />
      <source>Receives greenarea_&lt;code&gt;_&lt;year&gt;.gpkg and greenarea_&lt;code&gt;_&lt;year&gt;.json; existing files of the same name are replaced.</source>
      <translation>ใช้เก็บไฟล์ greenarea_&lt;code&gt;_&lt;year&gt;.gpkg และ greenarea_&lt;code&gt;_&lt;year&gt;.json ไฟล์ชื่อเดียวกันที่มีอยู่จะถูกเขียนทับ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="448" />
      <source>Receives one folder per municipality code.</source>
      <translation>มีหนึ่งโฟลเดอร์ต่อรหัสเทศบาล</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="439" />
      <source>Recompute municipalities already done</source>
      <translation>คำนวณใหม่แม้เทศบาลที่ทำเสร็จแล้ว</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/mapping_common.py" line="72" />
      <source>Red band</source>
      <translation>แบนด์สีแดง (Red)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="187" />
      <source>Reference (classified) area (rai)</source>
      <translation>พื้นที่อ้างอิง (จากการจำแนกประเภท) (ไร่)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="169" />
      <source>Reference class field</source>
      <translation>ฟิลด์ประเภทอ้างอิง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="178" />
      <source>Reference sample points</source>
      <translation>จุดตัวอย่างอ้างอิง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/mapping_common.py" line="103" />
      <source>Reflectance offset</source>
      <translation>ค่าชดเชยของค่าการสะท้อน (offset)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/mapping_common.py" line="92" />
      <source>Reflectance scale</source>
      <translation>ตัวคูณค่าการสะท้อน (scale)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="158" />
      <source>Registered population for green area per person (overrides the field).</source>
      <translation>จำนวนประชากรตามทะเบียนราษฎร์ สำหรับพื้นที่สีเขียวต่อคน (ใช้แทนค่าจากฟิลด์)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="237" />
      <source>Registered population, for green area per person (m²/person).</source>
      <translation>จำนวนประชากรตามทะเบียนราษฎร์ สำหรับพื้นที่สีเขียวต่อคน (m²/คน)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="262" />
      <source>Registered population, for m² of green space per person (0 = unknown).</source>
      <translation>จำนวนประชากรตามทะเบียนราษฎร์ สำหรับพื้นที่สีเขียว m² ต่อคน (0 = ไม่ทราบ)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="891" />
      <source>Registry {path}: {n} plots added to {table}</source>
      <translation>ทะเบียน {path}: เพิ่ม {n} แปลงลงใน {table}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="350" />
      <source>Relative (% of D)</source>
      <translation>แบบสัมพัทธ์ (% ของ D)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="387" />
      <source>Relative sd of measured heights (third height option).</source>
      <translation>ค่า sd สัมพัทธ์ของความสูงที่วัดได้ (ตัวเลือกความสูงที่สาม)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/workflow_steps.py" line="211" />
      <source>Report</source>
      <translation>รายงาน</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="331" />
      <source>Report (HTML)</source>
      <translation>รายงาน (HTML)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="324" />
      <source>Report (PDF)</source>
      <translation>รายงาน (PDF)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="419" />
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="242" />
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Report language</source>
      <translation>ภาษาของรายงาน</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="686" />
      <source>Report written: {pdf} ({pages} pages, cover: {cover})</source>
      <translation>สร้างรายงานแล้ว: {pdf} ({pages} หน้า, หน้าปก: {cover})</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="251" />
      <source>Required n for the chosen allocation (unrounded)</source>
      <translation>ขนาดตัวอย่าง n ที่ต้องการสำหรับการจัดสรรที่เลือก (ยังไม่ปัดเศษ)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="378" />
      <source>Residual error of the H–D model: log scale for Chave Eq. 6a (RSE 0.243) and local log-log fits, metres for Feldpausch (RSE 5.691 m) and local Michaelis–Menten / Weibull fits.</source>
      <translation>ความคลาดเคลื่อนส่วนเหลือของแบบจำลอง H–D: สเกลลอการิทึมสำหรับ Chave Eq. 6a (RSE 0.243) และการปรับแบบ log-log ระดับท้องถิ่น หน่วยเมตรสำหรับ Feldpausch (RSE 5.691 m) และการปรับแบบ Michaelis–Menten / Weibull ระดับท้องถิ่น</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Results</source>
      <translation>ผลลัพธ์</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Results are written here only when the whole run succeeds.</source>
      <translation>ผลลัพธ์จะถูกเขียนลงที่นี่เฉพาะเมื่อการประมวลผลทั้งหมดสำเร็จเท่านั้น</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/dock.py" line="464" />
      <source>Results in {folder}</source>
      <translation>ผลลัพธ์อยู่ใน {folder}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="432" />
      <source>Root:shoot sd</source>
      <translation>ค่าเบี่ยงเบนมาตรฐาน (sd) ของอัตราส่วนราก:ลำต้น</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_raster.py" line="179" />
      <source>Rows per zone × class and a class ‘0’ total row per zone (zone ALL = all).</source>
      <translation>แถวข้อมูลตามโซน × ประเภท และแถวผลรวมประเภท ‘0’ ของแต่ละโซน (โซน ALL = ทั้งหมด)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Run</source>
      <translation>ประมวลผล</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/dock.py" line="410" />
      <source>Running…</source>
      <translation>กำลังประมวลผล…</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="429" />
      <source>Runs carbonpool:carbonreport for each municipality.</source>
      <translation>รัน carbonpool:carbonreport ให้แต่ละเทศบาล</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="435" />
      <source>Runs carbonpool:exportgreenarea for each municipality (into greenarea/).</source>
      <translation>รัน carbonpool:exportgreenarea ให้แต่ละเทศบาล (ลงใน greenarea/)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="460" />
      <source>Runs every source alone as well (same random draws) to split the variance of the total; costs extra time (about +70 % with all sources on).</source>
      <translation>ประมวลผลแต่ละแหล่งความไม่แน่นอนแยกเดี่ยวด้วย (ใช้ค่าสุ่มชุดเดียวกัน) เพื่อแยกองค์ประกอบความแปรปรวนของผลรวม ซึ่งใช้เวลาเพิ่มขึ้น (ประมาณ +70 % เมื่อเปิดใช้ทุกแหล่ง)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="217" />
      <source>Runs the yearly workflow — Tree biomass → Plot carbon → Stratified estimate, and optionally the report (PDF/HTML) and the GreenArea export — for every municipality in one call. The trees, plots and green-space polygons (and the optional boundaries) all carry a municipality-code field; each municipality is read and computed on its own, so memory is bounded by the largest municipality, not the province.

Results go to Output folder/&lt;code&gt;/ (trees_biomass.gpkg, plot_carbon.gpkg, carbon_map.gpkg, carbon_strata.csv, [carbon_report.pdf/html], [greenarea/]) plus done.json, written last. A folder appears only when its municipality is complete.

A municipality whose data make a step fail is listed in the summary table as failed, with the message, and the batch goes on. Re-running the batch skips municipalities already done with the same settings (resume after an interruption); tick Recompute to redo them. Municipalities with green space but no trees and no plots are skipped.</source>
      <translation>รันขั้นตอนงานประจำปี — มวลชีวภาพของต้นไม้ → คาร์บอนของแปลง → การประมาณค่าแบบแบ่งชั้นภูมิ และจะเลือกทำรายงาน (PDF/HTML) และการส่งออกสำหรับ GreenArea ด้วยก็ได้ — ให้ทุกเทศบาลในการเรียกครั้งเดียว ข้อมูลต้นไม้ แปลงตัวอย่าง และรูปปิดพื้นที่สีเขียว (และขอบเขตเทศบาลถ้ามี) ต้องมีฟิลด์รหัสเทศบาล ระบบอ่านและคำนวณทีละเทศบาล หน่วยความจำที่ใช้จึงขึ้นกับเทศบาลที่ใหญ่ที่สุด ไม่ใช่ทั้งจังหวัด

ผลลัพธ์อยู่ใน โฟลเดอร์ผลลัพธ์/&lt;code&gt;/ (trees_biomass.gpkg, plot_carbon.gpkg, carbon_map.gpkg, carbon_strata.csv, [carbon_report.pdf/html], [greenarea/]) และ done.json ซึ่งเขียนเป็นไฟล์สุดท้าย โฟลเดอร์ของเทศบาลจะปรากฏเมื่อคำนวณครบแล้วเท่านั้น

เทศบาลที่ข้อมูลทำให้ขั้นตอนใดล้มเหลวจะถูกระบุในตารางสรุปว่า failed พร้อมข้อความ และงานจะทำต่อกับเทศบาลถัดไป เมื่อรันซ้ำ เทศบาลที่ทำเสร็จแล้วด้วยการตั้งค่าเดิมจะถูกข้าม (ทำต่อหลังการหยุดกลางคัน) เลือก คำนวณใหม่ เพื่อทำซ้ำ เทศบาลที่มีพื้นที่สีเขียวแต่ไม่มีต้นไม้และแปลงตัวอย่างจะถูกข้าม</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="276" />
      <source>SAMPLE needs the Reference sample points output.</source>
      <translation>ขั้นตอน SAMPLE ต้องกำหนดผลลัพธ์จุดตัวอย่างอ้างอิง (Reference sample points)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="101" />
      <source>SAMPLE: create reference points</source>
      <translation>SAMPLE: สร้างจุดอ้างอิง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="182" />
      <source>SAMPLE: point_id, map_class, empty ref_class, x, y.</source>
      <translation>SAMPLE: point_id, map_class, ref_class (ว่าง), x, y</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="328" />
      <source>Same seed and inputs give identical plots; record it with the design.</source>
      <translation>ค่า seed และข้อมูลนำเข้าชุดเดียวกันจะให้แปลงตัวอย่างชุดเดิมทุกประการ ควรบันทึกค่า seed ไว้พร้อมกับแผนการวางแปลง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Sample plots</source>
      <translation>แปลงตัวอย่าง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="214" />
      <source>Sample plots (polygons or a table), including plots without trees.</source>
      <translation>แปลงตัวอย่าง (รูปปิดหรือตาราง) รวมถึงแปลงที่ไม่มีต้นไม้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="113" />
      <source>Sample points per class</source>
      <translation>จำนวนจุดตัวอย่างต่อประเภท</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="79" />
      <source>Sample size and allocation of permanent plots</source>
      <translation>ขนาดตัวอย่างและการจัดสรรแปลงตัวอย่างถาวร</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="239" />
      <source>Sample size per stratum</source>
      <translation>ขนาดตัวอย่างต่อชั้นภูมิ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="443" />
      <source>Sampling error</source>
      <translation>ความคลาดเคลื่อนจากการสุ่มตัวอย่าง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="163" />
      <source>Saplings</source>
      <translation>ไม้หนุ่ม (ลูกไม้)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="185" />
      <source>Saplings excluded</source>
      <translation>ไม้หนุ่ม (ลูกไม้) ที่ไม่นำมารวม</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="291" />
      <source>Save as baseline in PostgreSQL database</source>
      <translation>บันทึกเป็นค่าฐานในฐานข้อมูล PostgreSQL</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="277" />
      <source>Save as baseline in project GeoPackage</source>
      <translation>บันทึกเป็นค่าฐานใน GeoPackage ของโครงการ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="303" />
      <source>Scientific or Thai species name (as in Tree biomass).</source>
      <translation>ชื่อวิทยาศาสตร์หรือชื่อไทยของพันธุ์ไม้ (เหมือนใน มวลชีวภาพของต้นไม้)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Scientific or Thai species name.</source>
      <translation>ชื่อวิทยาศาสตร์หรือชื่อไทยของชนิดพันธุ์ไม้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="120" />
      <source>Scientific or Thai species name; matched to the species table (synonyms, genus, family).</source>
      <translation>ชื่อวิทยาศาสตร์หรือชื่อไทยของชนิดพันธุ์ไม้ ซึ่งจะจับคู่กับตารางชนิดพันธุ์ไม้ (ชื่อพ้อง สกุล วงศ์)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="276" />
      <source>Second measurement date (if no field)</source>
      <translation>วันที่วัดครั้งที่สอง (กรณีไม่มีฟิลด์)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="269" />
      <source>Second measurement date field</source>
      <translation>ฟิลด์วันที่วัดครั้งที่สอง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="471" />
      <source>Section left out (no input): {name}</source>
      <translation>ไม่รวมส่วนนี้ (ไม่มีข้อมูลนำเข้า): {name}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="504" />
      <source>Seed used</source>
      <translation>ค่า seed ที่ใช้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="159" />
      <source>Seeds the hold-out split, the pixel subsample and the random forest.</source>
      <translation>ค่า seed สำหรับการแบ่งข้อมูลทดสอบ (hold-out) การสุ่มตัวอย่างพิกเซลย่อย และ random forest</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/mapping_common.py" line="58" />
      <source>Sensor preset</source>
      <translation>ค่าตั้งต้นของเซนเซอร์</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/mapping_common.py" line="48" />
      <source>Sentinel-2 L2A 12-band stack (scale 1e-4, no offset)</source>
      <translation>ภาพ Sentinel-2 L2A ซ้อน 12 แบนด์ (scale 1e-4, ไม่มี offset)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/mapping_common.py" line="49" />
      <source>Sentinel-2 L2A 12-band stack, processing baseline ≥ 04.00 (offset −1000 DN)</source>
      <translation>ภาพ Sentinel-2 L2A ซ้อน 12 แบนด์, processing baseline ≥ 04.00 (offset −1000 DN)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="155" />
      <source>Sequestration map</source>
      <translation>แผนที่การดูดซับคาร์บอน</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Sets the green-share target: 15 % (city), 20 % (town), 25 % (subdistrict, SAO).</source>
      <translation>กำหนดเป้าหมายสัดส่วนพื้นที่สีเขียว: 15 % (เทศบาลนคร), 20 % (เทศบาลเมือง), 25 % (เทศบาลตำบล, อบต.)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="253" />
      <source>Sets the minimum green share of Criterion 1: 15 % (city, special), 20 % (town), 25 % (subdistrict municipality, SAO).</source>
      <translation>กำหนดสัดส่วนพื้นที่สีเขียวขั้นต่ำตามเกณฑ์ที่ 1: 15 % (เทศบาลนคร, องค์กรปกครองส่วนท้องถิ่นรูปแบบพิเศษ), 20 % (เทศบาลเมือง), 25 % (เทศบาลตำบล, อบต.)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="227" />
      <source>Sets the minimum green share of the municipal area (criterion 1).</source>
      <translation>กำหนดสัดส่วนพื้นที่สีเขียวขั้นต่ำของพื้นที่เทศบาล (เกณฑ์ที่ 1)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/atomic_outputs.py" line="331" />
      <source>Shapefile field names hold at most 10 bytes (a Thai letter takes 3); renamed: {pairs}. Write to a GeoPackage to keep the full names.</source>
      <translation>ชื่อฟิลด์ของ Shapefile ยาวได้ไม่เกิน 10 ไบต์ (อักษรไทยใช้ตัวละ 3 ไบต์) จึงเปลี่ยนชื่อ: {pairs} บันทึกเป็น GeoPackage เพื่อคงชื่อฟิลด์เต็ม</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Share of the plot that was measured (0–1).</source>
      <translation>สัดส่วนของพื้นที่แปลงที่ทำการวัด (0–1)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="191" />
      <source>Share of the training polygons/points per class kept aside to estimate accuracy (0 = no hold-out). Classes with one feature are never held out.</source>
      <translation>สัดส่วนของรูปปิด/จุดข้อมูลสำหรับฝึก (training) ในแต่ละประเภทที่กันไว้เพื่อประเมินความถูกต้อง (0 = ไม่กันข้อมูลไว้ทดสอบ) ประเภทที่มีเพียงหนึ่งรายการจะไม่ถูกกันไว้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="619" />
      <source>Shipped template not found; using the built-in cover.</source>
      <translation>ไม่พบแม่แบบที่มากับปลั๊กอิน จึงใช้หน้าปกในตัวแทน</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/mapping_common.py" line="74" />
      <source>Short-wave infrared 1 (SWIR1) band</source>
      <translation>แบนด์อินฟราเรดคลื่นสั้น 1 (SWIR1)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="114" />
      <source>Simplify tolerance (map units)</source>
      <translation>ค่าความคลาดเคลื่อนในการลดความซับซ้อนของรูปร่าง (หน่วยแผนที่)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="250" />
      <source>Sourcebook n (Neyman, unrounded)</source>
      <translation>n ตาม Sourcebook (Neyman, ไม่ปัดเศษ)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="376" />
      <source>Sourcebook n = {nsb:.2f} (t = {t:.4f}); required with {alloc} allocation {nreq:.2f}; plots to place: {n}; expected precision ±{p:.1f} %</source>
      <translation>n ตาม Sourcebook = {nsb:.2f} (t = {t:.4f}); จำนวนที่ต้องการเมื่อจัดสรรแบบ {alloc} {nreq:.2f}; จำนวนแปลงที่ต้องวาง: {n}; ความแม่นยำที่คาดว่าจะได้ ±{p:.1f} %</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="248" />
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Special local administration (BMA, Pattaya)</source>
      <translation>องค์กรปกครองส่วนท้องถิ่นรูปแบบพิเศษ (กทม., เมืองพัทยา)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Species</source>
      <translation>ชนิดพันธุ์ไม้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="301" />
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="239" />
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="119" />
      <source>Species field</source>
      <translation>ฟิลด์ชนิดพันธุ์ไม้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="547" />
      <source>Species matched only at genus level (check the spelling): {list}</source>
      <translation>ชนิดพันธุ์ที่จับคู่ได้เพียงระดับสกุล (ตรวจสอบการสะกด): {list}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="542" />
      <source>Species not found in the species table: {list}</source>
      <translation>ไม่พบชนิดพันธุ์ไม้ในตารางชนิดพันธุ์ไม้: {list}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="266" />
      <source>Square 100 × 100 m TGO with serpentine 10 × 10 m subplots</source>
      <translation>สี่เหลี่ยมจัตุรัส 100 × 100 m ตาม TGO พร้อมแปลงย่อย 10 × 10 m เรียงแบบงูเลื้อย</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="264" />
      <source>Square 20 × 20 m</source>
      <translation>สี่เหลี่ยมจัตุรัส 20 × 20 m</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="265" />
      <source>Square 40 × 40 m with 10 × 10 m subplots (GISTDA)</source>
      <translation>สี่เหลี่ยมจัตุรัส 40 × 40 m พร้อมแปลงย่อย 10 × 10 m (GISTDA)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="656" />
      <source>Square plots never overlap: centres differ by at least {a:g} m in x or in y.</source>
      <translation>แปลงสี่เหลี่ยมจัตุรัสจะไม่ซ้อนทับกัน: จุดศูนย์กลางห่างกันอย่างน้อย {a:g} m ในแนว x หรือแนว y</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="270" />
      <source>Squares are oriented to grid north of the working (UTM) CRS.</source>
      <translation>แปลงสี่เหลี่ยมจัตุรัสวางตามทิศเหนือกริดของระบบพิกัดที่ใช้ทำงาน (UTM)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/workflow.py" line="135" />
      <source>Starting {alg} with {params}</source>
      <translation>เริ่ม {alg} ด้วยพารามิเตอร์ {params}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Stem diameter or girth at 1.30 m.</source>
      <translation>เส้นผ่านศูนย์กลางหรือเส้นรอบวงลำต้นที่ความสูง 1.30 ม.</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="309" />
      <source>Stem diameter or girth at 1.30 m; its unit is set by DBH unit.</source>
      <translation>เส้นผ่านศูนย์กลางหรือเส้นรอบวงที่ 1.30 ม. หน่วยกำหนดโดย หน่วยของ DBH</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="128" />
      <source>Stem diameter or girth at 1.30 m; its unit is set by DBH unit. Text, zero and negative values are flagged DBH_INVALID.</source>
      <translation>เส้นผ่านศูนย์กลางหรือเส้นรอบวงลำต้นที่ความสูง 1.30 ม. โดยหน่วยกำหนดตามพารามิเตอร์หน่วยของ DBH ค่าที่เป็นข้อความ ศูนย์ หรือค่าลบ จะถูกติดเครื่องหมาย DBH_INVALID</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="156" />
      <source>Stems below it are saplings. Empty: the method pack's value (T-VER 4.5 cm, T-VER-P-TOOL-01-02); 0: no threshold.</source>
      <translation>ลำต้นที่เล็กกว่าค่านี้ถือเป็นไม้หนุ่ม (ลูกไม้) หากเว้นว่าง: ใช้ค่าของชุดวิธีการ (T-VER 4.5 cm, T-VER-P-TOOL-01-02); 0: ไม่มีเกณฑ์ขั้นต่ำ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="99" />
      <source>Step</source>
      <translation>ขั้นตอน</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/dock.py" line="428" />
      <source>Step {i} of {n}: {step}…</source>
      <translation>ขั้นตอนที่ {i} จาก {n}: {step}…</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/workflow_steps.py" line="210" />
      <source>Stock change</source>
      <translation>การเปลี่ยนแปลงปริมาณคาร์บอน</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="146" />
      <source>Stock change table</source>
      <translation>ตารางการเปลี่ยนแปลงปริมาณคาร์บอน</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plots_common.py" line="381" />
      <source>Stop with an error</source>
      <translation>หยุดและแจ้งข้อผิดพลาด</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="253" />
      <source>Strata (green-space polygons)</source>
      <translation>ชั้นภูมิ (รูปปิดพื้นที่สีเขียว)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="589" />
      <source>Strata not in the strata layer are ignored: {list}</source>
      <translation>ชั้นภูมิที่ไม่มีอยู่ในชั้นข้อมูลชั้นภูมิจะถูกข้ามไป: {list}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="123" />
      <source>Strata table (Stratified estimate output)</source>
      <translation>ตารางชั้นภูมิ (ผลลัพธ์จากการประมาณค่าแบบแบ่งชั้นภูมิ)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plots_common.py" line="377" />
      <source>Strata with fewer than 2 plots</source>
      <translation>ชั้นภูมิที่มีแปลงตัวอย่างน้อยกว่า 2 แปลง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="446" />
      <source>Stratified bootstrap of plots</source>
      <translation>การบูตสแตรปแปลงตัวอย่างแบบแบ่งชั้นภูมิ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="133" />
      <source>Stratified carbon estimate and carbon-stock map</source>
      <translation>การประมาณค่าคาร์บอนแบบแบ่งชั้นภูมิและแผนที่ปริมาณคาร์บอนสะสม</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/workflow_steps.py" line="208" />
      <source>Stratified estimate</source>
      <translation>การประมาณค่าแบบแบ่งชั้นภูมิ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="237" />
      <source>Stratified random</source>
      <translation>สุ่มแบบแบ่งชั้นภูมิ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="136" />
      <source>Stratified random-sampling estimate of the carbon stock of the green space (CDM AR-TOOL14 Eq. 12–17): per stratum n, mean, SD, SE, 90 % and 95 % confidence intervals (Student t, df = n − number of strata), U %, and the T-VER uncertainty deduction (T-VER-P-TOOL-01-02); whole municipality: weighted mean, total tC and tCO2e with intervals.

Strata with 0 or 1 plot are merged (merge map, else the whole-sample estimate), excluded or rejected — always reported. Areas are ellipsoidal for a geographic CRS and planar in a projected CRS.

The carbon-stock map holds every green-space polygon with its area (ha, rai), density, total tC and tCO2e and a 95 % interval; the density is the stratum mean or, optionally, the mean of the plots inside the polygon when there are enough (recorded in density_source).

Optionally the result is saved as a named baseline in the project GeoPackage (table carbonpool_baselines, append-only).</source>
      <translation>การประมาณปริมาณการกักเก็บคาร์บอนของพื้นที่สีเขียวด้วยการสุ่มตัวอย่างแบบแบ่งชั้นภูมิ (CDM AR-TOOL14 สมการที่ 12–17): แต่ละชั้นภูมิแสดง n ค่าเฉลี่ย SD SE ช่วงความเชื่อมั่น 90 % และ 95 % (Student t, df = n − จำนวนชั้นภูมิ) U % และการหักลดค่าความไม่แน่นอนตาม T-VER (T-VER-P-TOOL-01-02) ส่วนภาพรวมทั้งเทศบาลแสดงค่าเฉลี่ยถ่วงน้ำหนัก ผลรวม tC และ tCO2e พร้อมช่วงความเชื่อมั่น

ชั้นภูมิที่มีแปลงตัวอย่าง 0 หรือ 1 แปลงจะถูกรวมกับชั้นภูมิอื่น (ตามตารางการรวม หรือใช้ค่าประมาณจากตัวอย่างทั้งหมด) ไม่นำมาคำนวณ หรือหยุดการทำงาน — และจะรายงานไว้เสมอ พื้นที่คำนวณบนทรงรีเมื่อใช้ระบบพิกัดภูมิศาสตร์ และคำนวณบนระนาบเมื่อใช้ระบบพิกัดฉาย

แผนที่ปริมาณคาร์บอนสะสมประกอบด้วยรูปปิดพื้นที่สีเขียวทุกรูป พร้อมพื้นที่ (ha, ไร่) ความหนาแน่น ผลรวม tC และ tCO2e และช่วงความเชื่อมั่น 95 % โดยความหนาแน่นคือค่าเฉลี่ยของชั้นภูมิ หรือ (ไม่บังคับ) ค่าเฉลี่ยของแปลงตัวอย่างที่อยู่ภายในรูปปิดเมื่อมีจำนวนแปลงเพียงพอ (บันทึกไว้ใน density_source)

สามารถเลือกบันทึกผลลัพธ์เป็นค่าฐานที่ตั้งชื่อไว้ใน GeoPackage ของโครงการได้ (ตาราง carbonpool_baselines ซึ่งเพิ่มข้อมูลได้อย่างเดียว)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="242" />
      <source>Stratified random: uniform random centres per stratum. Systematic: one square grid over all strata with a random start; a stratum with more grid points than needed keeps an evenly spaced subset.</source>
      <translation>สุ่มแบบแบ่งชั้นภูมิ: สุ่มจุดศูนย์กลางแบบสม่ำเสมอในแต่ละชั้นภูมิ แบบมีระบบ: ใช้กริดสี่เหลี่ยมจัตุรัสเดียวครอบคลุมทุกชั้นภูมิโดยสุ่มจุดเริ่มต้น ชั้นภูมิที่มีจุดกริดมากกว่าที่ต้องการจะเลือกเก็บไว้บางส่วนโดยเว้นระยะเท่า ๆ กัน</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Stratum (class) of each green-space polygon.</source>
      <translation>ชั้นภูมิ (ประเภท) ของรูปปิดพื้นที่สีเขียวแต่ละรูป</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Stratum (green-space class) of each plot.</source>
      <translation>ชั้นภูมิ (ประเภทพื้นที่สีเขียว) ของแปลงตัวอย่างแต่ละแปลง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="269" />
      <source>Stratum area field (m²)</source>
      <translation>ฟิลด์พื้นที่ชั้นภูมิ (m²)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="298" />
      <source>Stratum areas ({method}): {areas}</source>
      <translation>พื้นที่ชั้นภูมิ ({method}): {areas}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="281" />
      <source>Stratum areas and the sequestration map.</source>
      <translation>พื้นที่ชั้นภูมิและแผนที่การดูดซับคาร์บอน</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="321" />
      <source>Stratum change</source>
      <translation>การเปลี่ยนแปลงรายชั้นภูมิ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="265" />
      <source>Stratum code of each polygon.</source>
      <translation>รหัสชั้นภูมิของรูปปิดแต่ละรูป</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="353" />
      <source>Stratum codes</source>
      <translation>รหัสชั้นภูมิ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="190" />
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="135" />
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="114" />
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="263" />
      <source>Stratum field</source>
      <translation>ฟิลด์ชั้นภูมิ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="383" />
      <source>Stratum field of the green space</source>
      <translation>ฟิลด์ชั้นภูมิของพื้นที่สีเขียว</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plots_common.py" line="363" />
      <source>Stratum field of the polygons</source>
      <translation>ฟิลด์ชั้นภูมิของรูปปิด</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="225" />
      <source>Stratum mean for every polygon</source>
      <translation>ใช้ค่าเฉลี่ยของชั้นภูมิกับทุกรูปปิด</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="148" />
      <source>Stratum of each pilot plot (same values as the stratum field).</source>
      <translation>ชั้นภูมิของแปลงตัวอย่างนำร่องแต่ละแปลง (ใช้ค่าเดียวกับฟิลด์ชั้นภูมิ)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="182" />
      <source>Stratum of each plot. Empty: the field “stratum” if present, else by location (plot centroid within the green-space polygons).</source>
      <translation>ชั้นภูมิของแปลงตัวอย่างแต่ละแปลง หากเว้นว่าง: ใช้ฟิลด์ “stratum” หากมี มิฉะนั้นกำหนดตามตำแหน่ง (จุดศูนย์กลางแปลงที่อยู่ภายในรูปปิดพื้นที่สีเขียว)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="248" />
      <source>Stratum of each plot; must match the stratum field of the strata layer.</source>
      <translation>ชั้นภูมิของแปลงตัวอย่างแต่ละแปลง ต้องตรงกับฟิลด์ชั้นภูมิของชั้นข้อมูลชั้นภูมิ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="266" />
      <source>Stratum table</source>
      <translation>ตารางชั้นภูมิ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="151" />
      <source>Stratum table of the estimate</source>
      <translation>ตารางชั้นภูมิของผลการประมาณค่า</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="711" />
      <source>Stratum: requested / existing / placed / shortfall</source>
      <translation>ชั้นภูมิ: ที่ต้องการ / ที่มีอยู่ / ที่วางได้ / ที่ขาด</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="252" />
      <source>Student t used</source>
      <translation>ค่า Student t ที่ใช้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="410" />
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="247" />
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Subdistrict administrative organisation (อบต.)</source>
      <translation>องค์การบริหารส่วนตำบล (อบต.)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="409" />
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="246" />
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Subdistrict municipality (เทศบาลตำบล)</source>
      <translation>เทศบาลตำบล</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="385" />
      <source>Subplots</source>
      <translation>แปลงย่อย</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="827" />
      <source>Subplots requested but no subplot output given; none written.</source>
      <translation>มีการขอแปลงย่อยแต่ไม่ได้กำหนดผลลัพธ์แปลงย่อย จึงไม่ได้เขียนแปลงย่อย</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="765" />
      <source>Sum of one-source variances / combined variance = {r:.3f}</source>
      <translation>ผลรวมความแปรปรวนรายแหล่ง / ความแปรปรวนรวม = {r:.3f}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="452" />
      <source>Summary table</source>
      <translation>ตารางสรุป</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="537" />
      <source>Summary validated against the schema ({validator}).</source>
      <translation>ตรวจสอบข้อมูลสรุปกับ schema แล้ว ({validator})</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="167" />
      <source>Summed over the boundary features when Population is empty.</source>
      <translation>รวมจากทุกรายการของขอบเขตเมื่อไม่ได้ระบุจำนวนประชากร</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="91" />
      <source>Sums the trees of each sample plot (output of “Tree biomass and carbon”) and divides by the plot's effective area (area × measured fraction): AGB, BGB, biomass, carbon and CO2e in t/ha and t/rai (1 ha = 6.25 rai).

Plots measured with no trees get zeros, not missing values. Trees whose plot id matches no plot are listed in the log (never silently dropped). Dead trees (status ตาย/dead) are not in the live-tree pool; trees below the minimum DBH are saplings, excluded or included as chosen. Plots with status “abandoned” are left out unless they have a measurement date in the date field.</source>
      <translation>รวมค่าของต้นไม้ในแต่ละแปลงตัวอย่าง (ผลลัพธ์จาก “มวลชีวภาพและคาร์บอนของต้นไม้”) แล้วหารด้วยพื้นที่ประสิทธิผลของแปลง (พื้นที่ × สัดส่วนที่วัด) ได้ค่า AGB, BGB, มวลชีวภาพ, คาร์บอน และ CO2e ในหน่วย t/ha และ t/ไร่ (1 ha = 6.25 ไร่)

แปลงที่วัดแล้วไม่มีต้นไม้จะได้ค่าศูนย์ ไม่ใช่ค่าว่าง ต้นไม้ที่รหัสแปลงไม่ตรงกับแปลงใดจะแสดงรายการไว้ในบันทึกการทำงาน (ไม่ถูกตัดทิ้งโดยไม่แจ้ง) ต้นไม้ที่ตาย (สถานะ ตาย/dead) ไม่นับรวมในแหล่งสะสมคาร์บอนของต้นไม้ที่มีชีวิต ต้นไม้ที่เล็กกว่า DBH ขั้นต่ำถือเป็นไม้หนุ่ม (ลูกไม้) ซึ่งจะไม่นับรวมหรือนับรวมตามที่เลือก แปลงที่มีสถานะ “abandoned” (ยกเลิก) จะไม่นำมาคำนวณ เว้นแต่มีวันที่วัดในฟิลด์วันที่</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/vegetation_indices.py" line="48" />
      <source>Surface-reflectance image (GeoTIFF or any GDAL raster).</source>
      <translation>ภาพค่าการสะท้อนพื้นผิว (GeoTIFF หรือข้อมูลแรสเตอร์ใด ๆ ที่ GDAL อ่านได้)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="95" />
      <source>Surface-reflectance image to classify.</source>
      <translation>ภาพค่าการสะท้อนพื้นผิวที่ต้องการจำแนกประเภท</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="353" />
      <source>Surviving trees</source>
      <translation>ต้นไม้ที่รอดชีวิต</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="238" />
      <source>Systematic grid with random start</source>
      <translation>กริดแบบมีระบบโดยสุ่มจุดเริ่มต้น</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="350" />
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="196" />
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="284" />
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>T-VER (TGO)</source>
      <translation>T-VER (TGO)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="168" />
      <source>T-VER accounts saplings separately (exclude); they are counted either way.</source>
      <translation>T-VER แยกบัญชีไม้หนุ่ม (ลูกไม้) ไว้ต่างหาก (ไม่นับรวม) ไม่ว่าจะเลือกแบบใด ไม้หนุ่มจะถูกนับจำนวนไว้เสมอ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="190" />
      <source>T-VER applies its uncertainty deduction on the 90 % interval; 95 % is common in other reporting.</source>
      <translation>T-VER หักลดค่าความไม่แน่นอนโดยใช้ช่วงความเชื่อมั่น 90 % ส่วนการรายงานอื่น ๆ มักใช้ 95 %</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="346" />
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="348" />
      <source>T-VER deduction (% of the 90 % half-width)</source>
      <translation>การหักลดตาม T-VER (% ของครึ่งความกว้างช่วง 90 %)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plots_common.py" line="275" />
      <source>T-VER default</source>
      <translation>ค่าเริ่มต้นของ T-VER</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="211" />
      <source>T-VER/IPCC 0.47; i-Tree 0.5. Used only when Value kind is Biomass.</source>
      <translation>T-VER/IPCC 0.47; i-Tree 0.5 ใช้เฉพาะเมื่อประเภทของค่าเป็นมวลชีวภาพ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="242" />
      <source>Table: stratum, area_ha, N_units (= N_h, plot-sized units in the stratum), weight, mean, sd, cv, sd_source, share, n_raw and n_h (plots to place).</source>
      <translation>ตาราง: stratum, area_ha, N_units (= N_h, จำนวนหน่วยขนาดเท่าแปลงในชั้นภูมิ), weight, mean, sd, cv, sd_source, share, n_raw และ n_h (จำนวนแปลงที่ต้องวาง)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="228" />
      <source>Tag unique within a plot. Empty: detected (tag, tree_id, เลขป้าย).</source>
      <translation>หมายเลขป้ายที่ไม่ซ้ำกันภายในแปลง หากเว้นว่าง: ตรวจหาอัตโนมัติ (tag, tree_id, เลขป้าย)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="175" />
      <source>Target precision (fraction of the mean)</source>
      <translation>ความแม่นยำเป้าหมาย (สัดส่วนของค่าเฉลี่ย)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="184" />
      <source>Target share (%)</source>
      <translation>สัดส่วนเป้าหมาย (%)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="420" />
      <source>Thai</source>
      <translation>ไทย</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="145" />
      <source>Thai urban green-space criterion 1: minimum green share by type of local government (เทศบาลนคร 15 %, เทศบาลเมือง 20 %, เทศบาลตำบล/อบต. 25 %).</source>
      <translation>เกณฑ์ที่ 1 ด้านพื้นที่สีเขียวในเมืองของไทย: สัดส่วนพื้นที่สีเขียวขั้นต่ำตามประเภทองค์กรปกครองส่วนท้องถิ่น (เทศบาลนคร 15 %, เทศบาลเมือง 20 %, เทศบาลตำบล/อบต. 25 %)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="342" />
      <source>The CSV file is not UTF-8; it was read as {enc} (Thai). Save it as UTF-8 to avoid this guess.</source>
      <translation>ไฟล์ CSV ไม่ได้เข้ารหัสแบบ UTF-8 จึงอ่านเป็น {enc} (ภาษาไทย) ให้บันทึกไฟล์เป็น UTF-8 เพื่อไม่ต้องเดาการเข้ารหัส</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="428" />
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="572" />
      <source>The Custom method pack needs a method file (JSON).</source>
      <translation>ชุดวิธีการแบบ Custom ต้องใช้ไฟล์วิธีการ (JSON)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="283" />
      <source>The NDVI threshold needs red and NIR bands.</source>
      <translation>การใช้ค่าเกณฑ์ NDVI ต้องมีแบนด์สีแดงและแบนด์ NIR</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="326" />
      <source>The PDF report; written completely or not at all.</source>
      <translation>รายงาน PDF ซึ่งจะเขียนให้สมบูรณ์ทั้งไฟล์ หรือไม่เขียนเลย</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="558" />
      <source>The allocation table needs the fields stratum and n_h (found: {names}).</source>
      <translation>ตารางการจัดสรรต้องมีฟิลด์ stratum และ n_h (พบ: {names})</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_raster.py" line="262" />
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="222" />
      <source>The boundary layer has no polygons.</source>
      <translation>ชั้นข้อมูลขอบเขตไม่มีรูปปิด</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="592" />
      <source>The carbon map has no density field; the map is drawn unclassified.</source>
      <translation>แผนที่คาร์บอนไม่มีฟิลด์ความหนาแน่น จึงแสดงแผนที่โดยไม่จำแนกค่า</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="235" />
      <source>The class raster has no classified pixels.</source>
      <translation>ข้อมูลแรสเตอร์ประเภทไม่มีพิกเซลที่จำแนกประเภทแล้ว</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/atomic_outputs.py" line="391" />
      <source>The finished output could not replace {path}: is it open in QGIS or another program? Remove that layer or choose another file name. ({error})</source>
      <translation>ไม่สามารถนำผลลัพธ์ที่เสร็จแล้วไปแทนที่ {path} ได้: ไฟล์นี้เปิดอยู่ใน QGIS หรือโปรแกรมอื่นหรือไม่? ให้นำชั้นข้อมูลนั้นออก หรือเลือกชื่อไฟล์อื่น ({error})</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/qgis_io.py" line="201" />
      <source>The layer “{layer}” has features with an invalid geometry (feature id(s): {ids}). Repair the layer with “Fix geometries” (native:fixgeometries) and run again, or change “Invalid features filtering” (Settings ▸ Options ▸ Processing ▸ General, or the input's advanced options) to skip invalid features or not to check them.</source>
      <translation>ชั้นข้อมูล “{layer}” มีฟีเจอร์ที่รูปเรขาคณิตไม่ถูกต้อง (รหัสฟีเจอร์: {ids}) ให้ซ่อมชั้นข้อมูลด้วยเครื่องมือ “Fix geometries” (native:fixgeometries) แล้วเรียกใช้อีกครั้ง หรือเปลี่ยนค่า “Invalid features filtering” (การกรองฟีเจอร์ที่ไม่ถูกต้อง: Settings ▸ Options ▸ Processing ▸ General หรือตัวเลือกขั้นสูงของข้อมูลนำเข้า) ให้ข้ามฟีเจอร์ที่ไม่ถูกต้องหรือไม่ต้องตรวจสอบ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="198" />
      <source>The local government's polygon: its area gives the green share; its fields name_th/name_en, muni_code and population fill empty parameters below.</source>
      <translation>รูปปิดขององค์กรปกครองส่วนท้องถิ่น: ใช้พื้นที่ในการคำนวณสัดส่วนพื้นที่สีเขียว และใช้ฟิลด์ name_th/name_en, muni_code และ population เติมพารามิเตอร์ด้านล่างที่เว้นว่างไว้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="251" />
      <source>The local model (log-log, Michaelis–Menten or Weibull, best by RSE) falls back to Feldpausch when too few trees have heights. The source of each height is recorded in height_source.</source>
      <translation>แบบจำลองท้องถิ่น (log-log, Michaelis–Menten หรือ Weibull โดยเลือกตัวที่ดีที่สุดจาก RSE) จะกลับไปใช้ Feldpausch เมื่อมีต้นไม้ที่มีข้อมูลความสูงน้อยเกินไป แหล่งที่มาของความสูงแต่ละค่าบันทึกไว้ใน height_source</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="826" />
      <source>The map and tables were written, but the baseline could not be saved in {path}: {err}. Run again with the baseline target to record it.</source>
      <translation>บันทึกแผนที่และตารางแล้ว แต่ไม่สามารถบันทึกกรณีฐานใน {path}: {err} ให้ประมวลผลอีกครั้งโดยระบุที่เก็บกรณีฐานเพื่อบันทึก</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="109" />
      <source>The map being assessed; its class areas are the strata weights.</source>
      <translation>แผนที่ที่ต้องการประเมิน โดยใช้พื้นที่ของแต่ละประเภทเป็นน้ำหนักของชั้นภูมิ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="271" />
      <source>The model needs the features {need} but the band roles give {have}.</source>
      <translation>แบบจำลองต้องใช้ตัวแปร {need} แต่บทบาทแบนด์ที่กำหนดให้ได้ {have}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="468" />
      <source>The municipality code is empty.</source>
      <translation>รหัสเทศบาลว่างอยู่</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="291" />
      <source>The pack used by Tree biomass: gives the root:shoot sd (e.g. IPCC 2019 Table 4.4), the carbon cap and the default carbon fraction.</source>
      <translation>ชุดวิธีการที่ใช้ในขั้นตอนมวลชีวภาพของต้นไม้: ใช้กำหนดค่า sd ของอัตราส่วนราก:ลำต้น (เช่น IPCC 2019 ตาราง 4.4) ค่าสูงสุดของคาร์บอน และสัดส่วนคาร์บอนเริ่มต้น</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plots_common.py" line="336" />
      <source>The plots are points or a table: choose the plot area field (m²); only polygon footprints give an area by themselves.</source>
      <translation>แปลงตัวอย่างเป็นจุดหรือตาราง: โปรดเลือกฟิลด์พื้นที่แปลง (m²) เฉพาะรูปปิดขอบเขตแปลงเท่านั้นที่ให้ค่าพื้นที่ได้เอง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="372" />
      <source>The plots have no field “{f}”; choose the per-hectare value field.</source>
      <translation>แปลงตัวอย่างไม่มีฟิลด์ “{f}” โปรดเลือกฟิลด์ค่าต่อเฮกตาร์</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="454" />
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="531" />
      <source>The plots have no stratum field and no geometry to locate them.</source>
      <translation>แปลงตัวอย่างไม่มีทั้งฟิลด์ชั้นภูมิและรูปเรขาคณิตที่ใช้ระบุตำแหน่ง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="127" />
      <source>The polygon output of the stratified estimate: one feature per green-space polygon with area_ha, co2e_t and its interval. Copied unchanged into the GeoPackage, with muni_code and year_be added.</source>
      <translation>ผลลัพธ์รูปปิดจากการประมาณค่าแบบแบ่งชั้นภูมิ: หนึ่งรายการต่อรูปปิดพื้นที่สีเขียว พร้อม area_ha, co2e_t และช่วงความเชื่อมั่น คัดลอกลงใน GeoPackage โดยไม่เปลี่ยนแปลง และเพิ่ม muni_code และ year_be</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/mapping_common.py" line="252" />
      <source>The raster “{name}” has no georeferencing (no coordinate reference system and no geotransform), so the ground size of its pixels is unknown and areas cannot be measured. Georeference it first (e.g. with the Georeferencer).</source>
      <translation>ราสเตอร์ “{name}” ไม่มีการอ้างอิงพิกัดทางภูมิศาสตร์ (ไม่มีทั้งระบบพิกัดอ้างอิงและ geotransform) จึงไม่ทราบขนาดจริงบนพื้นดินของพิกเซล และวัดพื้นที่ไม่ได้ โปรดอ้างอิงพิกัดให้ราสเตอร์ก่อน (เช่น ด้วย Georeferencer)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/mapping_common.py" line="221" />
      <source>The raster “{name}” must be a file GDAL can read (provider: {p}).</source>
      <translation>ข้อมูลแรสเตอร์ “{name}” ต้องเป็นไฟล์ที่ GDAL อ่านได้ (provider: {p})</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="337" />
      <source>The same seed and inputs give bit-identical results.</source>
      <translation>ค่า seed และข้อมูลนำเข้าชุดเดียวกันจะให้ผลลัพธ์เหมือนกันทุกบิต</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="146" />
      <source>The same seed gives the same sample.</source>
      <translation>ค่า seed เดียวกันจะให้ตัวอย่างชุดเดียวกัน</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="643" />
      <source>The sequestration map has none of the fields {fields}.</source>
      <translation>แผนที่การดูดซับคาร์บอนไม่มีฟิลด์ใดเลยใน {fields}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="489" />
      <source>The strata layer is in {crs}, not in metres: the design is made in {utm} (UTM zone from the layer centre) and written back in {crs}.</source>
      <translation>ชั้นข้อมูลชั้นภูมิอยู่ในระบบพิกัด {crs} ซึ่งไม่ใช่หน่วยเมตร: จึงออกแบบการวางแปลงใน {utm} (โซน UTM จากจุดกึ่งกลางชั้นข้อมูล) แล้วเขียนผลกลับเป็น {crs}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="404" />
      <source>The strata table has no “{field}” field (fields: {fields}).</source>
      <translation>ตารางชั้นภูมิไม่มีฟิลด์ “{field}” (ฟิลด์ที่มี: {fields})</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="532" />
      <source>The summary does not validate against its schema: {errors}</source>
      <translation>ข้อมูลสรุปไม่ผ่านการตรวจสอบกับ schema: {errors}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="430" />
      <source>The training features do not overlap the image.</source>
      <translation>ข้อมูลสำหรับฝึก (training) ไม่ซ้อนทับกับภาพ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="311" />
      <source>The tree table has no rows: every plot gets zero carbon.</source>
      <translation>ตารางต้นไม้ไม่มีข้อมูล: ทุกแปลงจะมีคาร์บอนเป็นศูนย์</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="479" />
      <source>The tree table has no rows: the output is empty and every total is 0.</source>
      <translation>ตารางต้นไม้ไม่มีข้อมูล: ผลลัพธ์ว่างเปล่าและผลรวมทุกค่าเป็น 0</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plots_common.py" line="219" />
      <source>The trees lack {cols}: use the output of “Tree biomass and carbon” (carbonpool:treebiomass).</source>
      <translation>ข้อมูลต้นไม้ไม่มี {cols}: โปรดใช้ผลลัพธ์จาก “มวลชีวภาพและคาร์บอนของต้นไม้” (carbonpool:treebiomass)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="560" />
      <source>The trees layer lacks {cols}: run “Tree biomass and carbon” first and use its output.</source>
      <translation>ชั้นข้อมูลต้นไม้ไม่มี {cols}: โปรดเรียกใช้ “มวลชีวภาพและคาร์บอนของต้นไม้” ก่อน แล้วใช้ผลลัพธ์ที่ได้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="313" />
      <source>The user pack given to Tree biomass, if any (its rse column is used).</source>
      <translation>ชุดสมการของผู้ใช้ที่กำหนดให้ขั้นตอนมวลชีวภาพของต้นไม้ (ถ้ามี) โดยจะใช้คอลัมน์ rse</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="474" />
      <source>The {layer} have no municipality-code field “{field}”.</source>
      <translation>ชั้นข้อมูล {layer} ไม่มีฟิลด์รหัสเทศบาล “{field}”</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="822" />
      <source>The {shape} plot has no subplots; none written.</source>
      <translation>แปลงแบบ {shape} ไม่มีแปลงย่อย จึงไม่ได้เขียนแปลงย่อย</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="484" />
      <source>Too few training features for a hold-out check.</source>
      <translation>ข้อมูลสำหรับฝึก (training) มีน้อยเกินไปสำหรับการตรวจสอบแบบ hold-out</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="294" />
      <source>Total AGB (t)</source>
      <translation>AGB รวม (t)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_raster.py" line="186" />
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="339" />
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="296" />
      <source>Total CO2e (t)</source>
      <translation>CO2e รวม (t)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="343" />
      <source>Total CO2e, 90 % CI high</source>
      <translation>CO2e รวม, ขอบบนของช่วงความเชื่อมั่น 90 %</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="342" />
      <source>Total CO2e, 90 % CI low</source>
      <translation>CO2e รวม, ขอบล่างของช่วงความเชื่อมั่น 90 %</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="341" />
      <source>Total CO2e, 95 % CI high</source>
      <translation>CO2e รวม, ขอบบนของช่วงความเชื่อมั่น 95 %</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="340" />
      <source>Total CO2e, 95 % CI low</source>
      <translation>CO2e รวม, ขอบล่างของช่วงความเชื่อมั่น 95 %</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_raster.py" line="183" />
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="338" />
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="295" />
      <source>Total carbon (tC)</source>
      <translation>คาร์บอนรวม (tC)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_raster.py" line="184" />
      <source>Total carbon lower limit (tC)</source>
      <translation>ขีดจำกัดล่างของคาร์บอนรวม (tC)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_raster.py" line="185" />
      <source>Total carbon upper limit (tC)</source>
      <translation>ขีดจำกัดบนของคาร์บอนรวม (tC)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="122" />
      <source>Total sample size</source>
      <translation>ขนาดตัวอย่างทั้งหมด</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="337" />
      <source>Total stock (tCO2e)</source>
      <translation>ปริมาณคาร์บอนสะสมรวม (tCO2e)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="497" />
      <source>Total t CO2e (2.5 % quantile)</source>
      <translation>t CO2e รวม (ควอนไทล์ 2.5 %)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="498" />
      <source>Total t CO2e (97.5 % quantile)</source>
      <translation>t CO2e รวม (ควอนไทล์ 97.5 %)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="496" />
      <source>Total t CO2e (mean)</source>
      <translation>t CO2e รวม (ค่าเฉลี่ย)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="499" />
      <source>Total t CO2e (sd)</source>
      <translation>t CO2e รวม (sd)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_raster.py" line="350" />
      <source>Total {c:.1f} tC (independent strata: {lo:.1f}–{hi:.1f}; fully correlated: {loc:.1f}–{hic:.1f}) = {co2:.1f} tCO2e on {a:.2f} ha</source>
      <translation>รวม {c:.1f} tC (ชั้นภูมิเป็นอิสระต่อกัน: {lo:.1f}–{hi:.1f}; สัมพันธ์กันสมบูรณ์: {loc:.1f}–{hic:.1f}) = {co2:.1f} tCO2e บนพื้นที่ {a:.2f} ha</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="745" />
      <source>Total {mean:.1f} t CO2e (point {point:.1f}); sd {sd:.1f}; 95 % interval [{lo:.1f}, {hi:.1f}]; seed {seed}, {it} iterations, sampling {samp}</source>
      <translation>รวม {mean:.1f} t CO2e (ค่าประมาณแบบจุด {point:.1f}); sd {sd:.1f}; ช่วง 95 % [{lo:.1f}, {hi:.1f}]; seed {seed}, {it} รอบ, การสุ่มตัวอย่าง {samp}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_raster.py" line="158" />
      <source>Totals per polygon and for all of them; without it, for the whole raster.</source>
      <translation>ผลรวมรายรูปปิดและผลรวมของทุกรูปปิด หากไม่ระบุ จะคำนวณผลรวมของข้อมูลแรสเตอร์ทั้งหมด</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="408" />
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="245" />
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Town municipality (เทศบาลเมือง)</source>
      <translation>เทศบาลเมือง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="444" />
      <source>Training pixels per class: {d}</source>
      <translation>จำนวนพิกเซลสำหรับฝึก (training) ต่อประเภท: {d}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="235" />
      <source>Training pixels used</source>
      <translation>จำนวนพิกเซลสำหรับฝึก (training) ที่ใช้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="100" />
      <source>Training polygons or points</source>
      <translation>รูปปิดหรือจุดข้อมูลสำหรับฝึก (training)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="398" />
      <source>Training polygons or points are needed for this classifier.</source>
      <translation>ตัวจำแนกประเภทนี้ต้องใช้รูปปิดหรือจุดข้อมูลสำหรับฝึก (training)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/workflow_steps.py" line="191" />
      <source>Tree biomass</source>
      <translation>มวลชีวภาพของต้นไม้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/workflow_steps.py" line="199" />
      <source>Tree biomass (re-measurement)</source>
      <translation>มวลชีวภาพของต้นไม้ (การวัดซ้ำ)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="83" />
      <source>Tree biomass and carbon</source>
      <translation>มวลชีวภาพและคาร์บอนของต้นไม้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Tree biomass → plot carbon → stratified estimate → (stock change) → report, in the background.</source>
      <translation>มวลชีวภาพของต้นไม้ → คาร์บอนในแปลงตัวอย่าง → การประมาณค่าแบบแบ่งชั้นภูมิ → (การเปลี่ยนแปลงปริมาณคาร์บอน) → รายงาน โดยทำงานเบื้องหลัง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="306" />
      <source>Tree dynamics</source>
      <translation>พลวัตของต้นไม้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Tree fields</source>
      <translation>ฟิลด์ข้อมูลต้นไม้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="100" />
      <source>Tree inventory</source>
      <translation>ข้อมูลการสำรวจต้นไม้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="237" />
      <source>Tree inventory (all municipalities)</source>
      <translation>ข้อมูลสำรวจต้นไม้ (ทุกเทศบาล)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Tree inventory table or layer (CSV, XLSX, GPKG…).</source>
      <translation>ตารางหรือชั้นข้อมูลการสำรวจต้นไม้ (CSV, XLSX, GPKG…)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="199" />
      <source>Tree plot id field</source>
      <translation>ฟิลด์รหัสแปลงของต้นไม้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plots_common.py" line="420" />
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="205" />
      <source>Tree status field</source>
      <translation>ฟิลด์สถานะต้นไม้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="226" />
      <source>Tree tag field</source>
      <translation>ฟิลด์หมายเลขป้ายต้นไม้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="97" />
      <source>Tree-canopy classes</source>
      <translation>ประเภทเรือนยอดต้นไม้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Trees</source>
      <translation>ต้นไม้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="189" />
      <source>Trees (Tree biomass output)</source>
      <translation>ต้นไม้ (ผลลัพธ์จากมวลชีวภาพของต้นไม้)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="356" />
      <source>Trees not relocated</source>
      <translation>ต้นไม้ที่หาตำแหน่งเดิมไม่พบ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="614" />
      <source>Trees were computed with method {used}, not {m}.</source>
      <translation>ต้นไม้ถูกคำนวณด้วยวิธี {used} ไม่ใช่ {m}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="183" />
      <source>Trees whose plot id matches no plot</source>
      <translation>ต้นไม้ที่รหัสแปลงไม่ตรงกับแปลงใด</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="104" />
      <source>Trees with biomass</source>
      <translation>ต้นไม้ที่มีค่ามวลชีวภาพ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="282" />
      <source>Trees with biomass and carbon</source>
      <translation>ต้นไม้พร้อมมวลชีวภาพและคาร์บอน</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="134" />
      <source>Trees with carbon (Tree biomass output)</source>
      <translation>ต้นไม้พร้อมค่าคาร์บอน (ผลลัพธ์จากมวลชีวภาพของต้นไม้)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="357" />
      <source>Trees with tag problems</source>
      <translation>ต้นไม้ที่มีปัญหาหมายเลขป้าย</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="187" />
      <source>Trees without biomass</source>
      <translation>ต้นไม้ที่ไม่มีค่ามวลชีวภาพ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="214" />
      <source>Trees, first measurement (t1)</source>
      <translation>ต้นไม้ การวัดครั้งแรก (t1)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Trees, re-measurement</source>
      <translation>ต้นไม้ การวัดซ้ำ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="215" />
      <source>Trees, second measurement (t2)</source>
      <translation>ต้นไม้ การวัดครั้งที่สอง (t2)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="528" />
      <source>Trees: {n}; flagged: {f}; AGB {agb:.3f} t; carbon {c:.3f} tC; {co2:.3f} tCO2e</source>
      <translation>ต้นไม้: {n}; ติดเครื่องหมายตรวจสอบ: {f}; AGB {agb:.3f} t; คาร์บอน {c:.3f} tC; {co2:.3f} tCO2e</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="837" />
      <source>Trees: {s} survivors, {m} mortality ({nr} not relocated), {i} ingrowth; tag problems: {t} ({flags}).</source>
      <translation>ต้นไม้: รอดชีวิต {s} ต้น, ตาย {m} ต้น (หาตำแหน่งเดิมไม่พบ {nr} ต้น), เข้ามาใหม่ (ingrowth) {i} ต้น; ปัญหาหมายเลขป้าย: {t} ({flags})</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="70" />
      <source>Turns a class raster into green-space polygons: the green classes (e.g. 1,2) are sieved to the minimum mapping unit with GDAL's sieve filter (green or non-green patches smaller than it merge into their surroundings), polygonised (8-connected) and optionally simplified. Each polygon gets its main green class, area in m² and rai (from its pixels, exact also for geographic rasters) and canopy-cover fraction (share of canopy-class pixels).

With a municipal boundary, the green share of the classified area inside it is compared with the Thai urban green-space criterion 1 for the local-government type: เทศบาลนคร 15 %, เทศบาลเมือง 20 %, เทศบาลตำบล / อบต. 25 %. With a population, green area per person is reported and compared in the log with the WHO minimum (9 m²) and the ONEP target (15 m²).</source>
      <translation>แปลงข้อมูลแรสเตอร์ประเภทเป็นรูปปิดพื้นที่สีเขียว: ประเภทพื้นที่สีเขียว (เช่น 1,2) จะถูกกรองให้มีขนาดไม่ต่ำกว่าหน่วยพื้นที่เล็กที่สุดที่จัดทำแผนที่ด้วยตัวกรอง sieve ของ GDAL (หย่อมพื้นที่สีเขียวหรือไม่ใช่พื้นที่สีเขียวที่เล็กกว่าค่านี้จะรวมเข้ากับพื้นที่รอบข้าง) แปลงเป็นรูปปิด (เชื่อมต่อ 8 ทิศ) และลดความซับซ้อนของรูปร่าง (ไม่บังคับ) รูปปิดแต่ละรูปจะได้ประเภทพื้นที่สีเขียวหลัก พื้นที่ในหน่วย m² และไร่ (คำนวณจากพิกเซล ถูกต้องแม้เป็นข้อมูลแรสเตอร์ในระบบพิกัดภูมิศาสตร์) และสัดส่วนการปกคลุมของเรือนยอด (สัดส่วนพิกเซลประเภทเรือนยอด)

เมื่อระบุขอบเขตเทศบาล สัดส่วนพื้นที่สีเขียวของพื้นที่ที่จำแนกประเภทภายในขอบเขตจะถูกเปรียบเทียบกับเกณฑ์ที่ 1 ด้านพื้นที่สีเขียวในเมืองของไทยตามประเภทองค์กรปกครองส่วนท้องถิ่น: เทศบาลนคร 15 %, เทศบาลเมือง 20 %, เทศบาลตำบล / อบต. 25 % เมื่อระบุจำนวนประชากร จะรายงานพื้นที่สีเขียวต่อคน และเปรียบเทียบในบันทึกการทำงานกับค่าขั้นต่ำของ WHO (9 m²) และเป้าหมายของ สผ. (ONEP) (15 m²)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="79" />
      <source>Two steps, following Olofsson et al. (2014, Remote Sensing of Environment 148: 42–57).

SAMPLE: draws a stratified random sample of pixel centres from the class raster (map classes are the strata): N per class, or a total allocated in proportion to mapped area with a minimum per class. The points get an empty ref_class field: label each one from independent reference data (field visit, very-high-resolution imagery), never from the training data.

ASSESS: from the labelled points, the error matrix of sample counts (rows = map, columns = reference), the area-weighted estimated proportions, overall accuracy, user's and producer's accuracy with 95 % confidence intervals, F1, kappa (reported, not recommended), and the error-adjusted area of every class with its 95 % interval (stratified estimator with mapped-area weights).</source>
      <translation>มีสองขั้นตอน ตามวิธีของ Olofsson et al. (2014, Remote Sensing of Environment 148: 42–57)

SAMPLE: สุ่มตัวอย่างจุดศูนย์กลางพิกเซลแบบแบ่งชั้นภูมิจากข้อมูลแรสเตอร์ประเภท (ประเภทในแผนที่คือชั้นภูมิ) โดยกำหนด N จุดต่อประเภท หรือกำหนดจำนวนรวมแล้วจัดสรรตามสัดส่วนพื้นที่ในแผนที่โดยมีจำนวนขั้นต่ำต่อประเภท จุดที่ได้จะมีฟิลด์ ref_class ว่างไว้: ให้ระบุประเภทของแต่ละจุดจากข้อมูลอ้างอิงที่เป็นอิสระ (การสำรวจภาคสนาม ภาพความละเอียดสูงมาก) ห้ามใช้ข้อมูลสำหรับฝึก (training)

ASSESS: จากจุดที่ระบุประเภทแล้ว คำนวณเมทริกซ์ความคลาดเคลื่อนของจำนวนตัวอย่าง (แถว = แผนที่, คอลัมน์ = ข้อมูลอ้างอิง) สัดส่วนประมาณการถ่วงน้ำหนักด้วยพื้นที่ ความถูกต้องโดยรวม ความถูกต้องของผู้ใช้และของผู้ผลิตพร้อมช่วงความเชื่อมั่น 95 % ค่า F1 ค่า kappa (รายงานไว้แต่ไม่แนะนำให้ใช้) และพื้นที่ที่ปรับแก้ความคลาดเคลื่อนแล้วของทุกประเภทพร้อมช่วงความเชื่อมั่น 95 % (ตัวประมาณแบบแบ่งชั้นภูมิโดยใช้น้ำหนักพื้นที่ในแผนที่)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Type</source>
      <translation>ประเภท</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="427" />
      <source>UTM zone EPSG code</source>
      <translation>รหัส EPSG ของโซน UTM</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="130" />
      <source>Uncertainty (Monte Carlo)</source>
      <translation>ความไม่แน่นอน (Monte Carlo)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="344" />
      <source>Uncertainty U (90 %, %)</source>
      <translation>ความไม่แน่นอน U (90 %, %)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="199" />
      <source>Uncertainty U90 (%)</source>
      <translation>ความไม่แน่นอน U90 (%)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="164" />
      <source>Uncertainty budget table</source>
      <translation>ตารางงบประมาณความไม่แน่นอน</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="345" />
      <source>Uncertainty of the annual change (90 %, %)</source>
      <translation>ความไม่แน่นอนของการเปลี่ยนแปลงรายปี (90 %, %)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="478" />
      <source>Uncertainty summary</source>
      <translation>สรุปความไม่แน่นอน</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="220" />
      <source>Unique plot identifier.</source>
      <translation>รหัสแปลงตัวอย่างที่ไม่ซ้ำกัน</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>Unit of the DBH field; guessed from its name (girth / เส้นรอบวง).</source>
      <translation>หน่วยของฟิลด์ DBH ซึ่งคาดเดาจากชื่อฟิลด์ (girth / เส้นรอบวง)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="255" />
      <source>Unit of the carbon density map and its legend.</source>
      <translation>หน่วยของแผนที่ความหนาแน่นคาร์บอนและคำอธิบายสัญลักษณ์</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="437" />
      <source>Unknown equation “{eq}”. Known ids: {ids}</source>
      <translation>ไม่รู้จักสมการ “{eq}” รหัสที่รู้จัก: {ids}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="135" />
      <source>Unsupervised NDVI threshold (Otsu): vegetation / non-vegetation</source>
      <translation>ค่าเกณฑ์ NDVI แบบไม่กำกับดูแล (Otsu): พืชพรรณ / ไม่ใช่พืชพรรณ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="441" />
      <source>Unticked: a municipality whose folder holds done.json with the same settings is skipped (resume). Edits of the input data are not detected: tick this.</source>
      <translation>ไม่เลือก: เทศบาลที่โฟลเดอร์มี done.json ที่ใช้การตั้งค่าเดิมจะถูกข้าม (ทำต่อ) ระบบไม่ตรวจจับการแก้ไขข้อมูลนำเข้า: ให้เลือกตัวเลือกนี้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="190" />
      <source>Upper bound of the 95 % confidence interval of the total.</source>
      <translation>ขอบบนของช่วงความเชื่อมั่น 95 % ของผลรวม</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="215" />
      <source>Upper bound of the 95 % interval of the annual sequestration.</source>
      <translation>ขอบบนของช่วงความเชื่อมั่น 95 % ของปริมาณการดูดซับคาร์บอนรายปี</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_raster.py" line="140" />
      <source>Upper limit field (tC/ha)</source>
      <translation>ฟิลด์ขีดจำกัดบน (tC/ha)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/provider.py" line="56" />
      <source>Urban Carbon Pool</source>
      <translation>Urban Carbon Pool</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/provider.py" line="59" />
      <source>Urban Carbon Pool {version}</source>
      <translation>Urban Carbon Pool {version}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="143" />
      <source>Used only when no totals are given: the carbon stock is then the sum of this field, without an interval.</source>
      <translation>ใช้เฉพาะเมื่อไม่ได้ระบุค่าผลรวม: ปริมาณการกักเก็บคาร์บอนจะเป็นผลรวมของฟิลด์นี้ โดยไม่มีช่วงความเชื่อมั่น</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="241" />
      <source>Used to flag changed species. Empty: detected (species, ชื่อวิทยาศาสตร์).</source>
      <translation>ใช้ติดเครื่องหมายกรณีชนิดพันธุ์ไม้เปลี่ยนไป หากเว้นว่าง: ตรวจหาอัตโนมัติ (species, ชื่อวิทยาศาสตร์)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="216" />
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="303" />
      <source>Used when Method pack is Custom.</source>
      <translation>ใช้เมื่อชุดวิธีการเป็นแบบ Custom</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="202" />
      <source>Used when neither a plots field nor an allocation table is given. With the systematic grid, 0 keeps every grid point.</source>
      <translation>ใช้เมื่อไม่ได้ระบุทั้งฟิลด์จำนวนแปลงและตารางการจัดสรร สำหรับกริดแบบมีระบบ ค่า 0 หมายถึงเก็บจุดกริดไว้ทั้งหมด</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="321" />
      <source>Used when the plots carry no method field, e.g. “tver”.</source>
      <translation>ใช้เมื่อแปลงตัวอย่างไม่มีฟิลด์วิธีการ เช่น “tver”</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="228" />
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="309" />
      <source>User equation pack (CSV)</source>
      <translation>ชุดสมการของผู้ใช้ (CSV)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/vegetation_indices.py" line="69" />
      <source>Valid NDVI/first-index pixels</source>
      <translation>พิกเซล NDVI/ดัชนีแรกที่ใช้ได้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="294" />
      <source>Valuation horizon (years)</source>
      <translation>ช่วงเวลาการประเมินมูลค่า (ปี)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="193" />
      <source>Value kind</source>
      <translation>ประเภทของค่า</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="490" />
      <source>Variance of the total with each source alone, its share (%), and the combined variance.</source>
      <translation>ความแปรปรวนของผลรวมเมื่อพิจารณาแต่ละแหล่งเดี่ยว สัดส่วน (%) และความแปรปรวนรวม</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/vegetation_indices.py" line="31" />
      <source>Vegetation and water indices</source>
      <translation>ดัชนีพืชพรรณและดัชนีน้ำ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="536" />
      <source>WARNING: {n} plot(s) have no stratum (outside every green-space polygon or empty field) and are left out: {ids}</source>
      <translation>คำเตือน: แปลงตัวอย่าง {n} แปลงไม่มีชั้นภูมิ (อยู่นอกรูปปิดพื้นที่สีเขียวทุกรูปหรือฟิลด์ว่าง) จึงไม่นำมาคำนวณ: {ids}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="319" />
      <source>WARNING: {n} tree(s) have a plot id that matches no plot and were not summed: {list}</source>
      <translation>คำเตือน: ต้นไม้ {n} ต้นมีรหัสแปลงที่ไม่ตรงกับแปลงใด จึงไม่ได้นำมารวม: {list}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="529" />
      <source>WARNING: {t}: {n} tree(s) on plots not measured then or unknown, not used: {list}</source>
      <translation>คำเตือน: {t}: ต้นไม้ {n} ต้นอยู่ในแปลงที่ไม่ได้วัดในครั้งนั้นหรือไม่ทราบแปลง จึงไม่ได้นำมาใช้: {list}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/mapping_common.py" line="260" />
      <source>Warning: the raster “{name}” has no coordinate reference system (CRS). Areas are computed as if its map units were metres (pixel {w:g} × {h:g} units) and vector layers are used without reprojection. If that is wrong, assign the CRS (Raster ▸ Projections ▸ Assign Projection) and run again.</source>
      <translation>คำเตือน: ราสเตอร์ “{name}” ไม่มีระบบพิกัดอ้างอิง (CRS) พื้นที่จะคำนวณโดยถือว่าหน่วยแผนที่เป็นเมตร (พิกเซลขนาด {w:g} × {h:g} หน่วย) และใช้ชั้นข้อมูลเวกเตอร์โดยไม่แปลงพิกัด หากไม่ถูกต้อง โปรดกำหนด CRS ให้ราสเตอร์ (Raster ▸ Projections ▸ Assign Projection) แล้วเรียกใช้อีกครั้ง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="345" />
      <source>Weighted mean (tC/ha)</source>
      <translation>ค่าเฉลี่ยถ่วงน้ำหนัก (tC/ha)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/mapping_common.py" line="61" />
      <source>Which band is blue/green/red/NIR/SWIR1 and how DN become reflectance (reflectance = DN × scale + offset). Sentinel-2 L2A products from 25 January 2022 (processing baseline 04.00) carry an offset of −1000 DN. Band numbers below that are not 0 override the preset.</source>
      <translation>กำหนดว่าแบนด์ใดเป็น blue/green/red/NIR/SWIR1 และวิธีแปลงค่า DN เป็นค่าการสะท้อน (ค่าการสะท้อน = DN × scale + offset) ผลิตภัณฑ์ Sentinel-2 L2A ตั้งแต่วันที่ 25 มกราคม 2022 (processing baseline 04.00) มี offset −1000 DN หมายเลขแบนด์ด้านล่างที่ไม่เป็น 0 จะใช้แทนค่าตั้งต้น</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="231" />
      <source>With the stratum mean the polygon totals add up to the stratified total; the source of each polygon's density is recorded in density_source.</source>
      <translation>เมื่อใช้ค่าเฉลี่ยของชั้นภูมิ ผลรวมของรูปปิดทั้งหมดจะเท่ากับผลรวมจากการประมาณค่าแบบแบ่งชั้นภูมิ แหล่งที่มาของความหนาแน่นของแต่ละรูปปิดบันทึกไว้ใน density_source</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="389" />
      <source>With “Stop”, such a municipality is reported as failed; the batch goes on.</source>
      <translation>เมื่อเลือก “หยุด” เทศบาลนั้นจะถูกรายงานว่าล้มเหลว และงานจะทำต่อ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="273" />
      <source>Wood density database</source>
      <translation>ฐานข้อมูลความหนาแน่นเนื้อไม้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="393" />
      <source>Wood density error</source>
      <translation>ความคลาดเคลื่อนของความหนาแน่นเนื้อไม้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="165" />
      <source>Wood density field (g/cm³)</source>
      <translation>ฟิลด์ความหนาแน่นของเนื้อไม้ (g/cm³)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="500" />
      <source>Working CRS {work}; UTM coordinates in EPSG:{utm}</source>
      <translation>ระบบพิกัดที่ใช้ทำงาน {work}; พิกัด UTM ใน EPSG:{utm}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="364" />
      <source>Write the 10 × 10 m subplots of 40 × 40 m and 100 × 100 m plots.</source>
      <translation>เขียนแปลงย่อย 10 × 10 m ของแปลงขนาด 40 × 40 m และ 100 × 100 m</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="433" />
      <source>Write the GreenArea package</source>
      <translation>เขียนชุดข้อมูล GreenArea</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="427" />
      <source>Write the report (PDF and HTML)</source>
      <translation>เขียนรายงาน (PDF และ HTML)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="84" />
      <source>Writes the report a municipal GIS officer hands to the mayor and to DCCE, in Thai or English, as a PDF built with the QGIS print layout engine and as a self-contained HTML file with the same content.

Pages: cover (from a layout template: put your logo and header there), carbon density map with legend, scale bar, north arrow and credits, [annual sequestration map], summary (green area in rai and % against the Thai criterion for the municipality type: เทศบาลนคร 15 %, เทศบาลเมือง 20 %, เทศบาลตำบล/อบต. 25 %; m² per person against WHO 9 and ONEP 15; carbon stock with 90 % and 95 % intervals, the T-VER deduction, annual sequestration, optional value in THB), tables per stratum and of the largest polygons, charts (carbon by class, DBH distribution, top species, error budget) and methods (equations with citations, method and equation pack versions, parameters, seed, data-quality flags). Dates are given in the Buddhist and Gregorian calendars.

Inputs are the outputs of Stratified estimate (map and strata table) and, when available, Tree biomass, Stock change, Uncertainty and the green-space mapping algorithms. Sections whose input is missing are left out. Runs headless (qgis_process).</source>
      <translation>สร้างรายงานที่เจ้าหน้าที่ GIS ของเทศบาลใช้เสนอต่อนายกเทศมนตรีและกรมการเปลี่ยนแปลงสภาพภูมิอากาศและสิ่งแวดล้อม (DCCE) เป็นภาษาไทยหรือภาษาอังกฤษ ในรูปแบบ PDF ที่สร้างด้วยระบบจัดหน้าพิมพ์ (print layout) ของ QGIS และไฟล์ HTML ที่สมบูรณ์ในตัวซึ่งมีเนื้อหาเดียวกัน

หน้าต่าง ๆ ได้แก่ หน้าปก (จากแม่แบบการจัดหน้า: ใส่โลโก้และหัวกระดาษไว้ที่นั่น) แผนที่ความหนาแน่นคาร์บอนพร้อมคำอธิบายสัญลักษณ์ มาตราส่วน ทิศเหนือ และแหล่งที่มาของข้อมูล [แผนที่การดูดซับคาร์บอนรายปี] สรุปผล (พื้นที่สีเขียวเป็นไร่และ % เทียบกับเกณฑ์ของไทยตามประเภทเทศบาล: เทศบาลนคร 15 %, เทศบาลเมือง 20 %, เทศบาลตำบล/อบต. 25 %; m² ต่อคนเทียบกับ WHO 9 และ สผ. (ONEP) 15; ปริมาณคาร์บอนสะสมพร้อมช่วงความเชื่อมั่น 90 % และ 95 % การหักลดตาม T-VER ปริมาณการดูดซับคาร์บอนรายปี และมูลค่าเป็นบาท (THB) (ไม่บังคับ)) ตารางรายชั้นภูมิและตารางรูปปิดที่ใหญ่ที่สุด แผนภูมิ (คาร์บอนตามประเภท การกระจายของ DBH ชนิดพันธุ์ไม้ที่พบมากที่สุด งบประมาณความคลาดเคลื่อน) และวิธีการ (สมการพร้อมแหล่งอ้างอิง รุ่นของชุดวิธีการและชุดสมการ พารามิเตอร์ ค่า seed เครื่องหมายตรวจสอบคุณภาพข้อมูล) วันที่แสดงทั้งในปฏิทินพุทธศักราชและคริสต์ศักราช

ข้อมูลนำเข้าคือผลลัพธ์จากการประมาณค่าแบบแบ่งชั้นภูมิ (แผนที่และตารางชั้นภูมิ) และเมื่อมี ผลลัพธ์จากมวลชีวภาพของต้นไม้ การเปลี่ยนแปลงปริมาณคาร์บอน ความไม่แน่นอน และอัลกอริทึมการจัดทำแผนที่พื้นที่สีเขียว ส่วนที่ไม่มีข้อมูลนำเข้าจะไม่ถูกรวมไว้ในรายงาน สามารถทำงานแบบไม่มีหน้าจอ (qgis_process)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="279" />
      <source>YYYY-MM-DD (C.E.), used for every plot when no date field is set.</source>
      <translation>YYYY-MM-DD (ค.ศ.) ใช้กับทุกแปลงเมื่อไม่ได้กำหนดฟิลด์วันที่</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="334" />
      <source>Year of the baseline (e.g. 2568 B.E.); empty: from the plot dates (C.E.).</source>
      <translation>ปีของค่าฐาน (เช่น พ.ศ. 2568) หากเว้นว่าง: ใช้ปีจากวันที่วัดแปลง (ค.ศ.)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="400" />
      <source>Year of the inventory, e.g. 2568; recorded in the estimate and the export.</source>
      <translation>ปีที่สำรวจ เช่น 2568 บันทึกไว้ในผลการประมาณค่าและไฟล์ส่งออก</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/export_greenarea.py" line="270" />
      <source>Year of the inventory; values ≥ 2400 are Buddhist Era (พ.ศ.).</source>
      <translation>ปีที่สำรวจ ค่า ≥ 2400 ถือเป็นพุทธศักราช (พ.ศ.)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/models.py" line="29" />
      <source>Yearly carbon workflow (trees → plots → estimate → report)</source>
      <translation>ขั้นตอนการคำนวณคาร์บอนประจำปี (ต้นไม้ → แปลงตัวอย่าง → การประมาณค่า → รายงาน)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="235" />
      <source>alive/dead/new or มีชีวิต/ตาย/ใหม่. Empty: detected (status, สถานะ).</source>
      <translation>alive/dead/new หรือ มีชีวิต/ตาย/ใหม่ หากเว้นว่าง: ตรวจหาอัตโนมัติ (status, สถานะ)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="583" />
      <source>all</source>
      <translation>ทั้งหมด</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="571" />
      <source>allocation table</source>
      <translation>ตารางการจัดสรร</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="670" />
      <source>already done ({when}); not recomputed</source>
      <translation>ทำเสร็จแล้ว ({when}) ไม่คำนวณซ้ำ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="525" />
      <source>boundaries</source>
      <translation>ขอบเขตเทศบาล</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/sampling_stats.py" line="968" />
      <source>capped at the number of plots that fit (floor N_h): {strata}</source>
      <translation>จำกัดไม่เกินจำนวนแปลงที่วางได้ (floor N_h): {strata}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_raster.py" line="126" />
      <source>code:mean[:low:high];… e.g. 1:45.2:38.1:52.3;2:5.0:3.1:6.9</source>
      <translation>code:mean[:low:high];… เช่น 1:45.2:38.1:52.3;2:5.0:3.1:6.9</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/sampling_stats.py" line="512" />
      <source>covariance term added to Var(b) for the pooled estimate: {cov:.6g}</source>
      <translation>เพิ่มพจน์ความแปรปรวนร่วมใน Var(b) สำหรับค่าประมาณแบบรวม: {cov:.6g}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/plot_design.py" line="935" />
      <source>different plot counts for one stratum, the largest used: {strata}</source>
      <translation>ชั้นภูมิเดียวมีจำนวนแปลงต่างกัน ใช้ค่าที่มากที่สุด: {strata}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>e.g. เทศบาลเมืองตัวอย่าง</source>
      <translation>เช่น เทศบาลเมืองตัวอย่าง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/sampling_stats.py" line="392" />
      <source>excluded strata with &lt; 2 plots (area and plots left out of A and n): {desc}</source>
      <translation>ตัดชั้นภูมิที่มีแปลงน้อยกว่า 2 แปลงออก (ไม่นับพื้นที่และแปลงใน A และ n): {desc}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="574" />
      <source>field {field}</source>
      <translation>ฟิลด์ {field}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/dock.py" line="358" />
      <source>green space layer</source>
      <translation>ชั้นข้อมูลพื้นที่สีเขียว</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="524" />
      <source>green-space polygons</source>
      <translation>รูปปิดพื้นที่สีเขียว</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/montecarlo.py" line="412" />
      <source>height source “{label}” unknown: no height error for those trees</source>
      <translation>ไม่รู้จักที่มาของความสูง “{label}”: ไม่คิดความคลาดเคลื่อนของความสูงสำหรับต้นไม้เหล่านั้น</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="351" />
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="197" />
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="285" />
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>i-Tree compatible</source>
      <translation>เข้ากันได้กับ i-Tree</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="805" />
      <source>internal error {kind}: {err}</source>
      <translation>ข้อผิดพลาดภายใน {kind}: {err}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="481" />
      <source>level (plot, stratum_per_ha, stratum, total_per_ha, total), id, point, mean, median, sd, q025, q975, unit, seed, iterations.</source>
      <translation>level (plot, stratum_per_ha, stratum, total_per_ha, total), id, point, mean, median, sd, q025, q975, unit, seed, iterations</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/sampling_stats.py" line="402" />
      <source>merge_map entries ignored (stratum has &gt;= 2 plots): {strata}</source>
      <translation>ไม่ใช้รายการ merge_map (ชั้นภูมิมีแปลง &gt;= 2 แปลง): {strata}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/sampling_stats.py" line="410" />
      <source>merge_map keys not among the strata: {keys}</source>
      <translation>คีย์ของ merge_map ไม่อยู่ในชั้นภูมิ: {keys}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="298" />
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="309" />
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="310" />
      <source>met</source>
      <translation>ผ่านเกณฑ์</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plots_common.py" line="272" />
      <source>method pack {m}</source>
      <translation>ชุดวิธีการ {m}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/montecarlo.py" line="1120" />
      <source>model error: no equation used has an RSE (give model_rse); no effect</source>
      <translation>ความคลาดเคลื่อนของแบบจำลอง: ไม่มีสมการที่ใช้ซึ่งมีค่า RSE (ระบุ model_rse) จึงไม่มีผล</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/sampling_stats.py" line="977" />
      <source>n_total re-reported after rounding constraints: {n} (formula {formula})</source>
      <translation>รายงาน n_total ใหม่หลังปัดเศษตามข้อจำกัด: {n} (จากสูตร {formula})</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/plot_design.py" line="926" />
      <source>negative plot count for stratum {stratum} ignored</source>
      <translation>ไม่ใช้จำนวนแปลงที่ติดลบของชั้นภูมิ {stratum}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/plot_design.py" line="890" />
      <source>no pilot data: strata assumed to share one mean; precision is relative</source>
      <translation>ไม่มีข้อมูลแปลงนำร่อง: ถือว่าทุกชั้นภูมิมีค่าเฉลี่ยเดียวกัน ความแม่นยำเป็นค่าสัมพัทธ์</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="692" />
      <source>no trees and no plots (not inventoried)</source>
      <translation>ไม่มีต้นไม้และแปลงตัวอย่าง (ยังไม่ได้สำรวจ)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/plot_design.py" line="923" />
      <source>no usable plot count for stratum {stratum}</source>
      <translation>ไม่มีจำนวนแปลงที่ใช้ได้สำหรับชั้นภูมิ {stratum}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="719" />
      <source>no {what} with this code</source>
      <translation>ไม่มี{what}ที่มีรหัสนี้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="297" />
      <source>non-vegetation</source>
      <translation>ไม่ใช่พืชพรรณ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/dock.py" line="367" />
      <source>output folder</source>
      <translation>โฟลเดอร์ผลลัพธ์</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plots_common.py" line="268" />
      <source>parameter</source>
      <translation>พารามิเตอร์</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/plot_design.py" line="860" />
      <source>pilot plots in strata not in the layer ignored: {strata}</source>
      <translation>ไม่ใช้แปลงนำร่องในชั้นภูมิที่ไม่อยู่ในชั้นข้อมูล: {strata}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/dock.py" line="359" />
      <source>plot layer</source>
      <translation>ชั้นข้อมูลแปลงตัวอย่าง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/plot_design.py" line="160" />
      <source>plot side {size:g} m is not a multiple of the {sub:g} m subplot: no subplots</source>
      <translation>ด้านของแปลง {size:g} ม. ไม่เป็นพหุคูณของแปลงย่อย {sub:g} ม.: ไม่สร้างแปลงย่อย</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="523" />
      <source>plots</source>
      <translation>แปลงตัวอย่าง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/estimation.py" line="578" />
      <source>plots not in both surveys were left out of the change: only t1 {t1}, only t2 {t2}</source>
      <translation>แปลงที่ไม่ได้วัดทั้งสองครั้งถูกตัดออกจากการคำนวณการเปลี่ยนแปลง: วัดเฉพาะครั้งที่ 1 {t1}, เฉพาะครั้งที่ 2 {t2}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="175" />
      <source>poly_id, main_class, area_m2, area_rai, canopy_frac, inside_pct (share in boundary).</source>
      <translation>poly_id, main_class, area_m2, area_rai, canopy_frac, inside_pct (สัดส่วนภายในขอบเขต)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/sampling_stats.py" line="959" />
      <source>raised to min_per_stratum={m}: {strata}</source>
      <translation>เพิ่มเป็น min_per_stratum={m}: {strata}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/montecarlo.py" line="1117" />
      <source>root:shoot error off: the method pack gives no sd for R</source>
      <translation>ปิดความคลาดเคลื่อนของ root:shoot: ชุดวิธีไม่มีค่า sd ของ R</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="304" />
      <source>scikit-learn is not installed: using Gaussian maximum likelihood instead of random forest.</source>
      <translation>ไม่ได้ติดตั้ง scikit-learn: จึงใช้ Gaussian maximum likelihood แทน random forest</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="363" />
      <source>sd for the relative (%) or absolute (cm) DBH error.</source>
      <translation>ค่า sd ของความคลาดเคลื่อน DBH แบบสัมพัทธ์ (%) หรือแบบสัมบูรณ์ (cm)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="216" />
      <source>small:target pairs, e.g. “street:residential;riparian:park”. Only strata with fewer than 2 plots are merged.</source>
      <translation>คู่ small:target เช่น “street:residential;riparian:park” เฉพาะชั้นภูมิที่มีแปลงตัวอย่างน้อยกว่า 2 แปลงเท่านั้นที่จะถูกรวม</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="390" />
      <source>small:target pairs, e.g. “street:residential”, for every municipality.</source>
      <translation>คู่ เล็ก:เป้าหมาย เช่น “street:residential” ใช้กับทุกเทศบาล</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="285" />
      <source>small:target pairs, e.g. “street:residential”.</source>
      <translation>คู่ small:target เช่น “street:residential”</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/sampling_stats.py" line="443" />
      <source>strata with &lt; 2 plots and no merge target were given the whole-sample estimate as pseudo-stratum {label!r}: {strata}. Its mean/SD/n are those of all plots used; the total variance includes the covariance of the pooled mean with the other stratum means.</source>
      <translation>ชั้นภูมิที่มีแปลงน้อยกว่า 2 แปลงและไม่มีชั้นภูมิให้รวม ได้ใช้ค่าประมาณจากตัวอย่างทั้งหมดเป็นชั้นภูมิเทียม {label!r}: {strata} ค่าเฉลี่ย/SD/n เป็นของทุกแปลงที่ใช้ และความแปรปรวนรวมได้รวมความแปรปรวนร่วมของค่าเฉลี่ยรวมกับค่าเฉลี่ยของชั้นภูมิอื่น</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/sampling_stats.py" line="872" />
      <source>strata with zero area left out: {strata}</source>
      <translation>ตัดชั้นภูมิที่มีพื้นที่เป็นศูนย์ออก: {strata}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/plot_design.py" line="254" />
      <source>strata {strata} share the code {code}; their plots are numbered in one series</source>
      <translation>ชั้นภูมิ {strata} ใช้รหัส {code} ร่วมกัน แปลงของชั้นภูมิเหล่านี้จึงเรียงเลขเป็นชุดเดียว</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/estimation.py" line="592" />
      <source>stratum differs between surveys (t2 used) for plot(s): {plots}</source>
      <translation>ชั้นภูมิต่างกันระหว่างการสำรวจสองครั้ง (ใช้ของครั้งที่ 2) สำหรับแปลง: {plots}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/sampling_stats.py" line="432" />
      <source>stratum {s!r} (n={n}, {area:.6g} ha) merged into {target!r} (merge_map)</source>
      <translation>ชั้นภูมิ {s!r} (n={n}, {area:.6g} เฮกตาร์) รวมเข้ากับ {target!r} (merge_map)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/plot_design.py" line="557" />
      <source>stratum {stratum}: no polygon is large enough for a {shape} plot</source>
      <translation>ชั้นภูมิ {stratum}: ไม่มีรูปแปลงใดใหญ่พอสำหรับแปลงแบบ {shape}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/sampling_stats.py" line="925" />
      <source>t fixed at {t:.4g}</source>
      <translation>กำหนดค่า t คงที่ที่ {t:.4g}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/sampling_stats.py" line="947" />
      <source>t iterated with df = n - {L} strata: t = {t:.4f} (df {dof})</source>
      <translation>คำนวณ t ซ้ำด้วย df = n - {L} ชั้นภูมิ: t = {t:.4f} (df {dof})</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/sampling_stats.py" line="939" />
      <source>t iteration oscillated; the larger n was kept</source>
      <translation>การคำนวณ t ซ้ำแกว่งไปมา จึงใช้ค่า n ที่มากกว่า</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="252" />
      <source>tC per ha</source>
      <translation>tC ต่อ ha</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="252" />
      <source>tCO2e per rai</source>
      <translation>tCO2e ต่อไร่</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="659" />
      <source>the folder {folder} holds the results of municipality {other}; not overwritten (rename or move that folder)</source>
      <translation>โฟลเดอร์ {folder} เก็บผลของเทศบาล {other} อยู่ จึงไม่เขียนทับ (เปลี่ยนชื่อหรือย้ายโฟลเดอร์นั้น)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="726" />
      <source>too little room (polygon size, edge rule, exclusions or minimum distance); {n} candidate positions tried.</source>
      <translation>มีพื้นที่ไม่พอ (ขนาดรูปปิด กฎขอบแปลง พื้นที่ยกเว้น หรือระยะห่างขั้นต่ำ); ทดลองตำแหน่งที่เป็นไปได้แล้ว {n} ตำแหน่ง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/estimation.py" line="652" />
      <source>tree components do not add up to the plot change (max residual {worst:.4g} tC/ha): tree and plot inputs differ (thresholds, unusable trees?)</source>
      <translation>องค์ประกอบรายต้นรวมแล้วไม่เท่ากับการเปลี่ยนแปลงของแปลง (ผลต่างสูงสุด {worst:.4g} tC/ha): ข้อมูลต้นไม้และแปลงไม่ตรงกัน (เกณฑ์ขนาด หรือต้นที่ใช้ไม่ได้?)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/dock.py" line="360" />
      <source>tree layer</source>
      <translation>ชั้นข้อมูลต้นไม้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/estimation.py" line="643" />
      <source>tree_table plots not in both plot tables: {plots}</source>
      <translation>แปลงใน tree_table ที่ไม่อยู่ในตารางแปลงทั้งสอง: {plots}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="522" />
      <source>trees</source>
      <translation>ต้นไม้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="212" />
      <source>uint8 GeoTIFF, nodata 0, loaded with the green-class palette.</source>
      <translation>GeoTIFF แบบ uint8, nodata 0, แสดงผลด้วยชุดสีของประเภทพื้นที่สีเขียว</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/dock.py" line="128" />
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>unknown</source>
      <translation>ไม่ทราบ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/sampling_stats.py" line="610" />
      <source>values are per-plot differences (permanent plots, AR-TOOL14 6.2)</source>
      <translation>ค่าเป็นผลต่างรายแปลง (แปลงถาวร, AR-TOOL14 6.2)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="297" />
      <source>vegetation</source>
      <translation>พืชพรรณ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/montecarlo.py" line="1124" />
      <source>wood density error: no equation used needs wood density (e.g. the T-VER Ogawa equations take D and H only); no effect</source>
      <translation>ความคลาดเคลื่อนของความหนาแน่นเนื้อไม้: ไม่มีสมการที่ใช้ซึ่งต้องใช้ความหนาแน่นเนื้อไม้ (เช่น สมการ Ogawa ของ T-VER ใช้เพียง D และ H) จึงไม่มีผล</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/workflow_steps.py" line="223" />
      <source>{alg}: parameter {key} is not defined, not passed.</source>
      <translation>{alg}: ไม่มีการกำหนดพารามิเตอร์ {key} จึงไม่ได้ส่งค่าไป</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/biomass.py" line="571" />
      <source>{below} of {n} trees ({pct:.0f} %) are below the method's minimum DBH of {min_dbh:g} cm: if the field sheet only has measured trees, check the DBH unit (girth or millimetres?).</source>
      <translation>ต้นไม้ {below} จาก {n} ต้น ({pct:.0f} %) มี DBH ต่ำกว่าค่าต่ำสุดของวิธี {min_dbh:g} ซม.: หากแบบบันทึกมีเฉพาะต้นที่วัด ให้ตรวจสอบหน่วยของ DBH (เป็นเส้นรอบวงหรือมิลลิเมตรหรือไม่)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="823" />
      <source>{code}: FAILED — {msg}</source>
      <translation>{code}: ล้มเหลว — {msg}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="697" />
      <source>{code}: no trees and no plots, skipped.</source>
      <translation>{code}: ไม่มีต้นไม้และแปลงตัวอย่าง ข้าม</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="793" />
      <source>{code}: ok — {co2:.1f} tCO2e → {folder}</source>
      <translation>{code}: สำเร็จ — {co2:.1f} tCO2e → {folder}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="676" />
      <source>{code}: skipped — already done with the same settings ({folder}); tick Recompute to redo it.</source>
      <translation>{code}: ข้าม — ทำเสร็จแล้วด้วยการตั้งค่าเดิม ({folder}) เลือก คำนวณใหม่ เพื่อทำซ้ำ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="683" />
      <source>{code}: the settings changed since it was done: recomputed.</source>
      <translation>{code}: การตั้งค่าเปลี่ยนไปจากครั้งที่ทำเสร็จ จึงคำนวณใหม่</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/vegetation_indices.py" line="85" />
      <source>{index} skipped: it needs the {roles} band(s).</source>
      <translation>ข้าม {index}: ต้องใช้แบนด์ {roles}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/vegetation_indices.py" line="118" />
      <source>{index}: {n} valid pixels</source>
      <translation>{index}: {n} พิกเซลที่ใช้ได้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/montecarlo.py" line="389" />
      <source>{label}: could not refit the H-D model ({error}); no height error</source>
      <translation>{label}: ปรับแบบจำลอง H-D ใหม่ไม่ได้ ({error}) จึงไม่คิดความคลาดเคลื่อนของความสูง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/montecarlo.py" line="402" />
      <source>{label}: refitted on {n} measured trees, RSE {rse:.4g} ({scale} scale)</source>
      <translation>{label}: ปรับใหม่จากต้นไม้ที่วัด {n} ต้น, RSE {rse:.4g} (มาตราส่วน {scale})</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="677" />
      <source>{nt} trees, {np} plots, strata (ha): {st}</source>
      <translation>ต้นไม้ {nt} ต้น, แปลงตัวอย่าง {np} แปลง, ชั้นภูมิ (ha): {st}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="255" />
      <source>{n} abandoned plot(s) left out: {ids}</source>
      <translation>ไม่นำแปลงที่ยกเลิก {n} แปลงมาคำนวณ: {ids}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/uncertainty.py" line="605" />
      <source>{n} dead/removed tree(s) left out (live-tree pool).</source>
      <translation>ไม่นำต้นไม้ที่ตาย/ถูกตัดออก {n} ต้นมาคำนวณ (แหล่งสะสมคาร์บอนของต้นไม้ที่มีชีวิต)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/qgis_io.py" line="170" />
      <source>{n} feature(s) of the layer “{layer}” have an invalid geometry and were skipped (Processing setting “Invalid features filtering”); feature id(s): {ids}. Repair them with “Fix geometries” to use them.</source>
      <translation>ข้ามฟีเจอร์ {n} รายการของชั้นข้อมูล “{layer}” ที่รูปเรขาคณิตไม่ถูกต้อง (ตามค่าตั้ง Processing “Invalid features filtering”) รหัสฟีเจอร์: {ids} หากต้องการใช้ฟีเจอร์เหล่านี้ ให้ซ่อมด้วยเครื่องมือ “Fix geometries”</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stratified_estimate.py" line="467" />
      <source>{n} green-space polygon(s) have no stratum: left out of the estimate.</source>
      <translation>รูปปิดพื้นที่สีเขียว {n} รูปไม่มีชั้นภูมิ: จึงไม่นำมารวมในการประมาณค่า</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="636" />
      <source>{n} municipalities: {codes}</source>
      <translation>{n} เทศบาล: {codes}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="583" />
      <source>{n} per stratum</source>
      <translation>{n} ต่อชั้นภูมิ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/estimation.py" line="287" />
      <source>{n} plot(s) have no stratum</source>
      <translation>แปลง {n} แปลงไม่มีชั้นภูมิ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="494" />
      <source>{n} plot(s) measured at t1 but not re-measured (used only in the independent-estimates change): {ids}</source>
      <translation>แปลงตัวอย่าง {n} แปลงวัดที่ t1 แต่ไม่ได้วัดซ้ำ (ใช้เฉพาะในการคำนวณการเปลี่ยนแปลงแบบประมาณค่าอิสระ): {ids}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/estimation.py" line="186" />
      <source>{n} plot(s) without a fraction: 1 assumed ({plots})</source>
      <translation>แปลง {n} แปลงไม่มีสัดส่วนพื้นที่ที่วัด: ถือเป็น 1 ({plots})</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="347" />
      <source>{n} points fall outside the classified area and were skipped.</source>
      <translation>จุด {n} จุดอยู่นอกพื้นที่ที่จำแนกประเภทจึงถูกข้าม</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="337" />
      <source>{n} points without a reference class were skipped.</source>
      <translation>ข้ามจุด {n} จุดที่ไม่มีประเภทอ้างอิง</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/accuracy_assessment.py" line="291" />
      <source>{n} points written. Fill ref_class from independent reference data, then run the ASSESS step.</source>
      <translation>เขียนจุดแล้ว {n} จุด โปรดกรอก ref_class จากข้อมูลอ้างอิงที่เป็นอิสระ แล้วเรียกใช้ขั้นตอน ASSESS</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="541" />
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="290" />
      <source>{n} polygons without a stratum or geometry were skipped.</source>
      <translation>ข้ามรูปปิด {n} รูปที่ไม่มีชั้นภูมิหรือรูปเรขาคณิต</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/classify_green_space.py" line="422" />
      <source>{n} training features have no valid class code (1–255) and are ignored.</source>
      <translation>ข้อมูลสำหรับฝึก (training) {n} รายการไม่มีรหัสประเภทที่ถูกต้อง (1–255) จึงไม่นำมาใช้</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/montecarlo.py" line="651" />
      <source>{n} tree(s) could not be re-evaluated (unknown/disabled equation or missing predictor): their AGB is held fixed; only model/CF/R errors apply</source>
      <translation>ต้นไม้ {n} ต้นคำนวณซ้ำไม่ได้ (ไม่รู้จักสมการ/สมการถูกปิด หรือขาดตัวแปร): ตรึงค่า AGB ไว้ ใช้เฉพาะความคลาดเคลื่อนของแบบจำลอง/CF/R</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/plot_carbon.py" line="270" />
      <source>{n} tree(s) on abandoned plots not used.</source>
      <translation>ไม่ได้ใช้ต้นไม้ {n} ต้นที่อยู่ในแปลงที่ยกเลิก</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/estimation.py" line="239" />
      <source>{n} tree(s) reference plot id(s) not in the plot table: {plots}</source>
      <translation>ต้นไม้ {n} ต้นอ้างรหัสแปลงที่ไม่อยู่ในตารางแปลง: {plots}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/estimation.py" line="279" />
      <source>{n} tree(s) without biomass/carbon were not summed (n_unusable per plot); plot values are biased low until they are fixed</source>
      <translation>ต้นไม้ {n} ต้นที่ไม่มีค่ามวลชีวภาพ/คาร์บอนไม่ถูกนำมารวม (n_unusable รายแปลง) ค่าของแปลงจึงต่ำกว่าจริงจนกว่าจะแก้ไข</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/core/montecarlo.py" line="466" />
      <source>{n} tree(s) without carbon or without a known plot left out (as plot_carbon)</source>
      <translation>ตัดต้นไม้ {n} ต้นที่ไม่มีค่าคาร์บอนหรือไม่ทราบแปลงออก (เหมือน plot_carbon)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/workflow.py" line="148" />
      <source>{step} failed; see the Processing log. Nothing was written.</source>
      <translation>{step} ล้มเหลว โปรดดูบันทึกการประมวลผล (Processing log) ไม่มีการเขียนผลลัพธ์ใด ๆ</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/workflow.py" line="116" />
      <source>{step}: cannot prepare the parameters ({err}).</source>
      <translation>{step}: ไม่สามารถเตรียมพารามิเตอร์ได้ ({err})</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/sample_size.py" line="362" />
      <source>{stratum}: {area:.2f} ha, N_h {N:.0f}, sd {sd:.4g} ({src}) → n_h {n}</source>
      <translation>{stratum}: {area:.2f} ha, N_h {N:.0f}, sd {sd:.4g} ({src}) → n_h {n}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/design_plots.py" line="713" />
      <source>{s}: {req} / {have} / {placed} / {short}</source>
      <translation>{s}: {req} / {have} / {placed} / {short}</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/stock_change.py" line="410" />
      <source>{t}: {n} trees ({fields}).</source>
      <translation>{t}: ต้นไม้ {n} ต้น ({fields})</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_raster.py" line="339" />
      <source>{z}: {c:.1f} tC ({lo:.1f}–{hi:.1f}) on {a:.2f} ha</source>
      <translation>{z}: {c:.1f} tC ({lo:.1f}–{hi:.1f}) บนพื้นที่ {a:.2f} ha</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="223" />
      <source>อบต. (subdistrict administrative organisation, green target 25 %)</source>
      <translation>อบต. (องค์การบริหารส่วนตำบล, เป้าหมายพื้นที่สีเขียว 25 %)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="222" />
      <source>เทศบาลตำบล (subdistrict municipality, green target 25 %)</source>
      <translation>เทศบาลตำบล (เป้าหมายพื้นที่สีเขียว 25 %)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="140" />
      <source>เทศบาลตำบล / อบต. — 25 %</source>
      <translation>เทศบาลตำบล / อบต. — 25 %</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="220" />
      <source>เทศบาลนคร (city municipality, green target 15 %)</source>
      <translation>เทศบาลนคร (เป้าหมายพื้นที่สีเขียว 15 %)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="138" />
      <source>เทศบาลนคร / special LAO — 15 %</source>
      <translation>เทศบาลนคร / อปท. รูปแบบพิเศษ — 15 %</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/carbon_report.py" line="221" />
      <source>เทศบาลเมือง (town municipality, green target 20 %)</source>
      <translation>เทศบาลเมือง (เป้าหมายพื้นที่สีเขียว 20 %)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/green_space_polygons.py" line="139" />
      <source>เทศบาลเมือง (town) — 20 %</source>
      <translation>เทศบาลเมือง — 20 %</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/ui/carbon_pool_dock.ui" line="0" />
      <source>ไทย (Thai)</source>
      <translation>ไทย (Thai)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/batch_assessment.py" line="652" />
      <source>— Municipality {code} ({i}/{n})</source>
      <translation>— เทศบาล {code} ({i}/{n})</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/tree_biomass.py" line="220" />
      <source>“auto” picks the equation by species and life form from the method pack; or give an equation id from the library (e.g. chave2014_eq4).</source>
      <translation>“auto” จะเลือกสมการตามชนิดพันธุ์ไม้และรูปชีวิตจากชุดวิธีการ หรือระบุรหัสสมการจากคลังสมการ (เช่น chave2014_eq4)</translation>
    </message>
    <message>
      <location filename="../../carbon_pool_plugin/algorithms/mapping_common.py" line="397" />
      <source>“{v}” is not a class code (integers 1–255 expected).</source>
      <translation>“{v}” ไม่ใช่รหัสประเภท (ต้องเป็นจำนวนเต็ม 1–255)</translation>
    </message>
  </context>
</TS>
