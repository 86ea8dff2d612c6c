<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.16-Białowieża" styleCategories="Symbology">
  <pipe>
    <rasterrenderer type="paletted" band="1" opacity="1" alphaBand="-1" nodataColor="">
      <rasterTransparency/>
      <minMaxOrigin>
        <limits>None</limits>
        <extent>WholeRaster</extent>
        <statAccuracy>Estimated</statAccuracy>
        <cumulativeCutLower>0.02</cumulativeCutLower>
        <cumulativeCutUpper>0.98</cumulativeCutUpper>
        <stdDevFactor>2</stdDevFactor>
      </minMaxOrigin>
      <colorPalette>
        <paletteEntry value="1" color="#1b7837" alpha="255" label="1 tree canopy / vegetation (เรือนยอดไม้)"/>
        <paletteEntry value="2" color="#a6dba0" alpha="255" label="2 grass/shrub (หญ้า/ไม้พุ่ม)"/>
        <paletteEntry value="3" color="#2c7fb8" alpha="255" label="3 water (น้ำ)"/>
        <paletteEntry value="4" color="#bdbdbd" alpha="255" label="4 built/bare / non-vegetation (สิ่งปลูกสร้าง/พื้นที่โล่ง)"/>
        <paletteEntry value="5" color="#fdae61" alpha="255" label="5"/>
        <paletteEntry value="6" color="#d7191c" alpha="255" label="6"/>
        <paletteEntry value="7" color="#756bb1" alpha="255" label="7"/>
        <paletteEntry value="8" color="#8c510a" alpha="255" label="8"/>
      </colorPalette>
      <colorramp type="randomcolors" name="[source]"/>
    </rasterrenderer>
    <brightnesscontrast brightness="0" contrast="0" gamma="1"/>
    <huesaturation saturation="0" grayscaleMode="0" colorizeOn="0" colorizeRed="255" colorizeGreen="128" colorizeBlue="128" colorizeStrength="100"/>
    <rasterresampler maxOversampling="2"/>
    <resamplingStage>resamplingFilter</resamplingStage>
  </pipe>
  <blendMode>0</blendMode>
</qgis>
